package io.recopipe.model.als;

import io.recopipe.model.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Training options under BigQuery ML's names, ranges and defaults ({@code num_factors},
 * {@code l2_reg}, {@code max_iterations}, {@code early_stop}, {@code min_rel_progress},
 * {@code feedback_type}, {@code wals_alpha}), plus recopipe's own ({@code cg_steps},
 * {@code implicit_solver}, {@code positive_threshold} for implicit feedback; {@code l2_reg_mode},
 * {@code l2_reg_exponent}, {@code intercept_l2_reg}, {@code seed}, {@code threads}, {@code method},
 * and for {@code method: gibbs} {@code num_samples} and {@code burn_in_iterations}), so a CREATE
 * MODEL statement's OPTIONS carry over unchanged. Every numeric option has a range with an upper
 * bound, so a typo such as a 10⁹ iteration count is refused instead of running forever; the
 * options the user set are remembered ({@link #isSet}) so {@code method: auto} keeps them.
 */
public final class AlsOptions {
  /** BigQuery ML's documented range for {@code num_factors}. */
  public static final int MIN_FACTORS = 2;
  /** BigQuery ML's documented range for {@code num_factors}. */
  public static final int MAX_FACTORS = 200;

  /** Every option name this class accepts, in the order manifests list them. */
  public static final Set<String> NAMES = Set.of("feedback_type", "num_factors", "l2_reg",
      "max_iterations", "early_stop", "min_rel_progress", "wals_alpha", "l2_reg_mode",
      "l2_reg_exponent", "intercept_l2_reg", "seed", "threads", "method", "num_samples",
      "burn_in_iterations", "cg_steps", "implicit_solver", "positive_threshold");

  /** Default conjugate-gradient steps per row of implicit ALS (as the implicit library). */
  public static final int DEFAULT_CG_STEPS = 3;
  /** The largest {@code cg_steps}: beyond it the exact solver is cheaper. */
  public static final int MAX_CG_STEPS = 50;
  /** The largest {@code max_iterations} (and {@code burn_in_iterations}). */
  public static final int MAX_ITERATIONS = 10_000;
  /** The largest {@code num_samples}: each sample needs at least one of the 200 factors. */
  public static final int MAX_SAMPLES = MAX_FACTORS;
  /** The largest {@code threads}. */
  public static final int MAX_THREADS = 1024;
  /** The largest {@code l2_reg}, {@code intercept_l2_reg} and {@code wals_alpha}. */
  public static final double MAX_WEIGHT = 1e6;
  /** The largest {@code positive_threshold}. */
  public static final double MAX_THRESHOLD = 1e9;

  private final FeedbackType feedbackType;
  private final Integer numFactors;
  private final double l2Reg;
  private final int maxIterations;
  private final boolean earlyStop;
  private final double minRelProgress;
  private final double walsAlpha;
  private final RegularizationMode l2RegMode;
  private final double l2RegExponent;
  private final Double interceptL2Reg;
  private final long seed;
  private final int threads;
  private final TrainingMethod method;
  private final int numSamples;
  private final Integer burnInIterations;
  private final int cgSteps;
  private final ImplicitSolver implicitSolver;
  private final double positiveThreshold;
  private final Set<String> given;

  private AlsOptions(Builder b) {
    this.feedbackType = b.feedbackType;
    this.numFactors = b.numFactors;
    this.l2Reg = b.l2Reg;
    this.maxIterations = b.maxIterations;
    this.earlyStop = b.earlyStop;
    this.minRelProgress = b.minRelProgress;
    this.walsAlpha = b.walsAlpha;
    this.l2RegMode = b.l2RegMode;
    this.l2RegExponent = b.l2RegExponent;
    this.interceptL2Reg = b.interceptL2Reg;
    this.seed = b.seed;
    this.threads = b.threads;
    this.method = b.method;
    this.numSamples = b.numSamples;
    this.burnInIterations = b.burnInIterations;
    this.cgSteps = b.cgSteps;
    this.implicitSolver = b.implicitSolver;
    this.positiveThreshold = b.positiveThreshold;
    this.given = Set.copyOf(b.given);
  }

  /**
   * The one-line refusal of {@code method} (vb or gibbs) with implicit feedback, with the fix:
   * only (weighted) ALS fits implicit feedback.
   */
  public static String implicitRefusal(TrainingMethod method) {
    return "method: " + method.configName() + " cannot fit implicit feedback; use method: als"
        + " or auto";
  }

  /** Returns the defaults (BigQuery ML's where it has one). */
  public static AlsOptions defaults() {
    return builder().build();
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.feedbackType = feedbackType;
    b.numFactors = numFactors;
    b.l2Reg = l2Reg;
    b.maxIterations = maxIterations;
    b.earlyStop = earlyStop;
    b.minRelProgress = minRelProgress;
    b.walsAlpha = walsAlpha;
    b.l2RegMode = l2RegMode;
    b.l2RegExponent = l2RegExponent;
    b.interceptL2Reg = interceptL2Reg;
    b.seed = seed;
    b.threads = threads;
    b.method = method;
    b.numSamples = numSamples;
    b.burnInIterations = burnInIterations;
    b.cgSteps = cgSteps;
    b.implicitSolver = implicitSolver;
    b.positiveThreshold = positiveThreshold;
    b.given.addAll(given);
    return b;
  }

  /**
   * Parses options from text values (a config file or {@code --set}), validating them all and
   * reporting every unknown name and bad value in one {@link InvalidOptionsException}.
   */
  public static AlsOptions fromMap(Map<String, String> values) {
    Builder b = builder();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String name = entry.getKey().trim().toLowerCase(Locale.ROOT);
      String text = entry.getValue() == null ? "" : entry.getValue().trim();
      try {
        switch (name) {
          case "feedback_type" -> b.feedbackType(FeedbackType.parse(text));
          case "num_factors" -> b.numFactors(text.equalsIgnoreCase("auto") ? null
              : Integer.valueOf(text));
          case "l2_reg" -> b.l2Reg(Double.parseDouble(text));
          case "max_iterations" -> b.maxIterations(Integer.parseInt(text));
          case "early_stop" -> b.earlyStop(parseBoolean(text));
          case "min_rel_progress" -> b.minRelProgress(Double.parseDouble(text));
          case "wals_alpha" -> b.walsAlpha(Double.parseDouble(text));
          case "l2_reg_mode" -> b.l2RegMode(RegularizationMode.parse(text));
          case "l2_reg_exponent" -> b.l2RegExponent(Double.parseDouble(text));
          case "intercept_l2_reg" -> b.interceptL2Reg(text.equalsIgnoreCase("auto") ? null
              : Double.valueOf(text));
          case "seed" -> b.seed(Long.parseLong(text));
          case "threads" -> b.threads(Integer.parseInt(text));
          case "method" -> b.method(TrainingMethod.parse(text));
          case "num_samples" -> b.numSamples(Integer.parseInt(text));
          case "burn_in_iterations" -> b.burnInIterations(text.equalsIgnoreCase("auto") ? null
              : Integer.valueOf(text));
          case "cg_steps" -> b.cgSteps(Integer.parseInt(text));
          case "implicit_solver" -> b.implicitSolver(ImplicitSolver.parse(text));
          case "positive_threshold" -> b.positiveThreshold(Double.parseDouble(text));
          default -> problems.add("unknown option '" + entry.getKey() + "' (known: "
              + String.join(", ", new java.util.TreeSet<>(NAMES)) + ")");
        }
      } catch (IllegalArgumentException e) {
        problems.add("option " + name + ": cannot read '" + text + "' as " + typeOf(name));
      }
    }
    problems.addAll(b.problems());
    if (!problems.isEmpty()) {
      throw new InvalidOptionsException(problems);
    }
    return b.build();
  }

  private static boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new InvalidInputException(text);
  }

  private static String typeOf(String name) {
    return switch (name) {
      case "feedback_type" -> "EXPLICIT or IMPLICIT";
      case "l2_reg_mode" -> "plain or weighted";
      case "method" -> "auto, als, vb or gibbs";
      case "implicit_solver" -> "cg or cholesky";
      case "early_stop" -> "true or false";
      case "num_factors", "max_iterations", "threads", "seed", "num_samples",
          "burn_in_iterations", "cg_steps" -> "an integer";
      default -> "a number";
    };
  }

  /**
   * Returns the options as name → value in BigQuery ML's spelling, with {@code num_factors} and
   * {@code intercept_l2_reg} resolved for {@code trainingRows} (as a manifest records them).
   */
  public Map<String, Object> toMap(long trainingRows) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("feedback_type", feedbackType.name());
    map.put("num_factors", resolvedNumFactors(trainingRows));
    map.put("l2_reg", l2Reg);
    map.put("max_iterations", maxIterations);
    map.put("early_stop", earlyStop);
    map.put("min_rel_progress", minRelProgress);
    if (feedbackType == FeedbackType.IMPLICIT) {
      map.put("wals_alpha", walsAlpha);
      map.put("implicit_solver", implicitSolver.configName());
      if (implicitSolver == ImplicitSolver.CG) {
        map.put("cg_steps", cgSteps);
      }
      map.put("positive_threshold", positiveThreshold);
    }
    map.put("l2_reg_mode", l2RegMode.configName());
    if (l2RegMode == RegularizationMode.WEIGHTED) {
      map.put("l2_reg_exponent", l2RegExponent);
    }
    map.put("intercept_l2_reg", resolvedInterceptL2Reg());
    map.put("seed", seed);
    map.put("threads", threads);
    map.put("method", method.configName());
    if (method == TrainingMethod.GIBBS) {
      map.put("num_samples", numSamples);
      map.put("burn_in_iterations", resolvedBurnInIterations());
    }
    return map;
  }

  /**
   * BigQuery ML's default for {@code num_factors} is log2(n), n the training rows, clamped to
   * 2..200; an explicit value wins.
   */
  public int resolvedNumFactors(long trainingRows) {
    if (numFactors != null) {
      return numFactors;
    }
    int auto = (int) Math.round(Math.log(Math.max(2, trainingRows)) / Math.log(2));
    return Math.max(MIN_FACTORS, Math.min(MAX_FACTORS, auto));
  }

  /**
   * The sweeps {@code method: gibbs} discards at least before keeping samples:
   * {@code burn_in_iterations} when set, else a quarter of {@code max_iterations}.
   */
  public int resolvedBurnInIterations() {
    return burnInIterations != null ? burnInIterations : autoBurnIn(maxIterations);
  }

  private static int autoBurnIn(int maxIterations) {
    return maxIterations / 4;
  }

  /** The intercepts' λ: {@code intercept_l2_reg} when set, else {@code l2_reg}. */
  public double resolvedInterceptL2Reg() {
    return interceptL2Reg != null ? interceptL2Reg : l2Reg;
  }

  public FeedbackType feedbackType() {
    return feedbackType;
  }

  /** The configured factor count, or null for BigQuery ML's automatic log2(n). */
  public Integer numFactors() {
    return numFactors;
  }

  public double l2Reg() {
    return l2Reg;
  }

  public int maxIterations() {
    return maxIterations;
  }

  public boolean earlyStop() {
    return earlyStop;
  }

  public double minRelProgress() {
    return minRelProgress;
  }

  public double walsAlpha() {
    return walsAlpha;
  }

  public RegularizationMode l2RegMode() {
    return l2RegMode;
  }

  /** The exponent e of {@code weighted} regularization, λ·n^e (1 = ALS-WR). */
  public double l2RegExponent() {
    return l2RegExponent;
  }

  public long seed() {
    return seed;
  }

  /**
   * Whether option {@code name} (BigQuery ML spelling) was set by the user, through
   * {@link #fromMap} or a builder setter, rather than left at its default.
   */
  public boolean isSet(String name) {
    return given.contains(name);
  }

  public int threads() {
    return threads;
  }

  /**
   * How the model is fitted: {@code als} (the default), {@code vb}, {@code gibbs}, or
   * {@code auto} until {@link AutoMethod} resolves it for a training set.
   */
  public TrainingMethod method() {
    return method;
  }

  /**
   * How many posterior samples {@code method: gibbs} averages into the model; each contributes
   * {@code num_factors / num_samples} of the exported factors (1 for the other methods).
   */
  public int numSamples() {
    return numSamples;
  }

  /** The configured burn-in, or null for the automatic quarter of {@code max_iterations}. */
  public Integer burnInIterations() {
    return burnInIterations;
  }

  /** Conjugate-gradient steps per row and half-step of implicit ALS with {@code cg}. */
  public int cgSteps() {
    return cgSteps;
  }

  /** How implicit ALS solves each row: {@code cg} (the default) or exact {@code cholesky}. */
  public ImplicitSolver implicitSolver() {
    return implicitSolver;
  }

  /**
   * The smallest rating that counts as an implicit interaction (a positive); ratings below it are
   * treated as unobserved in training and evaluation. 0 keeps every rating above 0.
   */
  public double positiveThreshold() {
    return positiveThreshold;
  }

  @Override
  public String toString() {
    return "AlsOptions" + toMap(0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlsOptions that && toMap(1000).equals(that.toMap(1000))
        && java.util.Objects.equals(numFactors, that.numFactors)
        && java.util.Objects.equals(interceptL2Reg, that.interceptL2Reg)
        && numSamples == that.numSamples
        && java.util.Objects.equals(burnInIterations, that.burnInIterations);
  }

  @Override
  public int hashCode() {
    return toMap(1000).hashCode();
  }

  /** Collects options and checks them all at {@link #build()}. */
  public static final class Builder {
    private FeedbackType feedbackType = FeedbackType.EXPLICIT;
    private Integer numFactors;
    private double l2Reg = 1.0;
    private int maxIterations = 20;
    private boolean earlyStop = true;
    private double minRelProgress = 0.01;
    private double walsAlpha = 40.0;
    private RegularizationMode l2RegMode = RegularizationMode.PLAIN;
    private double l2RegExponent = 1.0;
    private Double interceptL2Reg;
    private long seed = 42L;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private TrainingMethod method = TrainingMethod.ALS;
    private int numSamples = 1;
    private Integer burnInIterations;
    private int cgSteps = DEFAULT_CG_STEPS;
    private ImplicitSolver implicitSolver = ImplicitSolver.CG;
    private double positiveThreshold = 0;
    private final Set<String> given = new java.util.TreeSet<>();

    private Builder() {
    }

    public Builder feedbackType(FeedbackType value) {
      feedbackType = value;
      given.add("feedback_type");
      return this;
    }

    /** Sets the factor count; null means BigQuery ML's automatic log2(n). */
    public Builder numFactors(Integer value) {
      numFactors = value;
      given.add("num_factors");
      return this;
    }

    public Builder l2Reg(double value) {
      l2Reg = value;
      given.add("l2_reg");
      return this;
    }

    public Builder maxIterations(int value) {
      maxIterations = value;
      given.add("max_iterations");
      return this;
    }

    public Builder earlyStop(boolean value) {
      earlyStop = value;
      given.add("early_stop");
      return this;
    }

    public Builder minRelProgress(double value) {
      minRelProgress = value;
      given.add("min_rel_progress");
      return this;
    }

    public Builder walsAlpha(double value) {
      walsAlpha = value;
      given.add("wals_alpha");
      return this;
    }

    public Builder l2RegMode(RegularizationMode value) {
      l2RegMode = value;
      given.add("l2_reg_mode");
      return this;
    }

    /** Sets e in the weighted mode's λ·n^e (0..2; 1 is ALS-WR). */
    public Builder l2RegExponent(double value) {
      l2RegExponent = value;
      given.add("l2_reg_exponent");
      return this;
    }

    /** Sets the intercepts' λ; null means "same as l2_reg". */
    public Builder interceptL2Reg(Double value) {
      interceptL2Reg = value;
      given.add("intercept_l2_reg");
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      given.add("seed");
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      given.add("threads");
      return this;
    }

    /** Sets how the model is fitted: ALS (the default), variational Bayes or Gibbs sampling. */
    public Builder method(TrainingMethod value) {
      method = value;
      given.add("method");
      return this;
    }

    /** Sets how many posterior samples {@code gibbs} packs into the model (must divide k). */
    public Builder numSamples(int value) {
      numSamples = value;
      given.add("num_samples");
      return this;
    }

    /** Sets the sweeps {@code gibbs} discards first; null means a quarter of the iterations. */
    public Builder burnInIterations(Integer value) {
      burnInIterations = value;
      given.add("burn_in_iterations");
      return this;
    }

    /** Sets the conjugate-gradient steps of implicit ALS (1..50). */
    public Builder cgSteps(int value) {
      cgSteps = value;
      given.add("cg_steps");
      return this;
    }

    /** Sets how implicit ALS solves each row: conjugate gradient or exact Cholesky. */
    public Builder implicitSolver(ImplicitSolver value) {
      implicitSolver = value;
      given.add("implicit_solver");
      return this;
    }

    /** Sets the smallest rating kept as an implicit interaction (>= 0; 0 keeps all r > 0). */
    public Builder positiveThreshold(double value) {
      positiveThreshold = value;
      given.add("positive_threshold");
      return this;
    }

    List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (numFactors != null) {
        range(problems, "num_factors", numFactors, MIN_FACTORS, MAX_FACTORS,
            " (BigQuery ML's range)");
      }
      if (!(l2Reg > 0 && l2Reg <= MAX_WEIGHT)) {
        problems.add("l2_reg must be a number > 0 and <= 1e6, was " + l2Reg);
      }
      range(problems, "max_iterations", maxIterations, 1, MAX_ITERATIONS, "");
      if (!(minRelProgress >= 0 && minRelProgress <= 1)) {
        problems.add("min_rel_progress must be in 0..1, was " + minRelProgress);
      }
      if (!(walsAlpha > 0 && walsAlpha <= MAX_WEIGHT)) {
        problems.add("wals_alpha must be a number > 0 and <= 1e6, was " + walsAlpha);
      }
      if (!(l2RegExponent >= 0 && l2RegExponent <= 2)) {
        problems.add("l2_reg_exponent must be in 0..2, was " + l2RegExponent);
      }
      if (interceptL2Reg != null && !(interceptL2Reg >= 0 && interceptL2Reg <= MAX_WEIGHT)) {
        problems.add("intercept_l2_reg must be in 0..1e6, was " + interceptL2Reg);
      }
      range(problems, "threads", threads, 1, MAX_THREADS, "");
      if (feedbackType == null) {
        problems.add("feedback_type must be EXPLICIT or IMPLICIT");
      }
      if (l2RegMode == null) {
        problems.add("l2_reg_mode must be plain or weighted");
      }
      if (method == null) {
        problems.add("method must be auto, als, vb or gibbs");
      }
      problems.addAll(implicitProblems());
      problems.addAll(samplingProblems());
      return problems;
    }

    private static void range(List<String> problems, String name, long value, long min,
        long max, String note) {
      if (value < min || value > max) {
        problems.add(name + " must be in " + min + ".." + max + note + ", was " + value);
      }
    }

    private List<String> implicitProblems() {
      List<String> problems = new ArrayList<>();
      range(problems, "cg_steps", cgSteps, 1, MAX_CG_STEPS, "");
      if (implicitSolver == null) {
        problems.add("implicit_solver must be cg or cholesky");
      }
      if (!(positiveThreshold >= 0 && positiveThreshold <= MAX_THRESHOLD)) {
        problems.add("positive_threshold must be in 0..1e9, was " + positiveThreshold);
      }
      if (feedbackType == FeedbackType.IMPLICIT && (method == TrainingMethod.VB
          || method == TrainingMethod.GIBBS)) {
        problems.add(implicitRefusal(method));
      }
      return problems;
    }

    private List<String> samplingProblems() {
      List<String> problems = new ArrayList<>();
      range(problems, "num_samples", numSamples, 1, MAX_SAMPLES, "");
      if (burnInIterations != null) {
        range(problems, "burn_in_iterations", burnInIterations, 0, MAX_ITERATIONS, "");
      }
      if (method == TrainingMethod.AUTO) {
        // what would fail if auto picks gibbs is refused now; the rest once it has chosen
        if (feedbackType == FeedbackType.IMPLICIT) {
          return problems;
        }
        if (numSamples > 1 && numFactors != null && numFactors % numSamples != 0) {
          problems.add("num_factors (" + numFactors + ") must be divisible by num_samples ("
              + numSamples + ") in case method auto picks gibbs");
        }
        int burnIn = burnInIterations != null ? burnInIterations : autoBurnIn(maxIterations);
        if (numSamples > 1 && given.contains("max_iterations")
            && maxIterations - burnIn < numSamples) {
          problems.add("max_iterations (" + maxIterations + ") minus burn_in_iterations ("
              + burnIn + ") must leave at least num_samples (" + numSamples + ") sweeps in case "
              + "method auto picks gibbs");
        }
        return problems;
      }
      if (method != TrainingMethod.GIBBS) {
        if (numSamples != 1) {
          problems.add("num_samples applies only to method gibbs, was " + numSamples
              + " with method " + (method == null ? "unset" : method.configName()));
        }
        return problems;
      }
      if (numSamples > 1 && numFactors == null) {
        problems.add("method gibbs with num_samples " + numSamples
            + " needs an explicit num_factors divisible by it (the automatic count may not be)");
      } else if (numSamples > 1 && numFactors % numSamples != 0) {
        problems.add("num_factors (" + numFactors + ") must be divisible by num_samples ("
            + numSamples + "): each sample contributes num_factors / num_samples factors");
      }
      int burnIn = burnInIterations != null ? burnInIterations : autoBurnIn(maxIterations);
      if (numSamples >= 1 && burnIn >= 0 && maxIterations - burnIn < numSamples) {
        problems.add("max_iterations (" + maxIterations + ") minus burn_in_iterations (" + burnIn
            + ") must leave at least num_samples (" + numSamples + ") sweeps to keep");
      }
      return problems;
    }

    /** Validates and builds; every problem is reported in one exception. */
    public AlsOptions build() {
      List<String> problems = problems();
      if (!problems.isEmpty()) {
        throw new InvalidOptionsException(problems);
      }
      return new AlsOptions(this);
    }
  }
}
