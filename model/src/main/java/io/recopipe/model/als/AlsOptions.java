package io.recopipe.model.als;

import io.recopipe.model.options.Option;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Training options under BigQuery ML's names, ranges and defaults ({@code num_factors}, {@code
 * l2_reg}, {@code max_iterations}, {@code early_stop}, {@code min_rel_progress}, {@code
 * feedback_type}, {@code wals_alpha}), plus recopipe's own, so a CREATE MODEL statement's OPTIONS
 * carry over unchanged; each option is declared once in {@link AlsOptionTable}. Every numeric
 * option has a range with an upper bound, so a typo such as a 10⁹ iteration count is refused
 * instead of running forever; the options the user set are remembered ({@link #isSet}) so {@code
 * method: auto} keeps them.
 */
public final class AlsOptions {
  /** BigQuery ML's documented range for {@code num_factors}. */
  public static final int MIN_FACTORS = 2;

  /** BigQuery ML's documented range for {@code num_factors}. */
  public static final int MAX_FACTORS = 200;

  /** Every option name this class accepts, in the order manifests list them. */
  public static final Set<String> NAMES = AlsOptionTable.NAMES;

  /** A value (null: automatic) for every option of the table. */
  private final Map<Option<?>, Object> values;

  private final Set<String> given;

  private AlsOptions(Builder b) {
    this.values = new IdentityHashMap<>(b.values);
    this.given = Set.copyOf(b.given);
  }

  /**
   * The one-line refusal of {@code method} (vb or gibbs) with implicit feedback, with the fix: only
   * (weighted) ALS fits implicit feedback.
   */
  public static String implicitRefusal(TrainingMethod method) {
    return "method: "
        + method.configName()
        + " cannot fit implicit feedback; use method: als"
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
    b.values.putAll(values);
    b.given.addAll(given);
    return b;
  }

  /**
   * Parses options from text values (a config file or {@code --set}), validating them all and
   * reporting every unknown name and bad value in one {@link InvalidOptionsException}.
   */
  public static AlsOptions fromMap(Map<String, String> values) {
    return AlsOptionText.read(values);
  }

  /**
   * Returns the options as name → value in BigQuery ML's spelling, with {@code num_factors} and
   * {@code intercept_l2_reg} resolved for {@code trainingRows} (as a manifest records them); an
   * option that does not apply (say {@code wals_alpha} with explicit feedback) is left out.
   */
  public Map<String, Object> toMap(long trainingRows) {
    return AlsOptionText.toMap(this, trainingRows);
  }

  /** The options BigQuery ML's CREATE MODEL takes, as {@link #toMap} records them. */
  public Map<String, Object> bigQueryMlOptions(long trainingRows) {
    return AlsOptionText.bigQueryMlOptions(this, trainingRows);
  }

  /**
   * BigQuery ML's default for {@code num_factors} is log2(n), n the training rows, clamped to
   * 2..200; an explicit value wins.
   */
  public int resolvedNumFactors(long trainingRows) {
    Integer numFactors = numFactors();
    if (numFactors != null) {
      return numFactors;
    }
    int auto = (int) Math.round(Math.log(Math.max(2, trainingRows)) / Math.log(2));
    return Math.max(MIN_FACTORS, Math.min(MAX_FACTORS, auto));
  }

  /**
   * The sweeps {@code method: gibbs} discards at least before keeping samples: {@code
   * burn_in_iterations} when set, else a quarter of {@code max_iterations}.
   */
  public int resolvedBurnInIterations() {
    Integer burnIn = burnInIterations();
    return burnIn != null ? burnIn : maxIterations() / 4;
  }

  /** The intercepts' λ: {@code intercept_l2_reg} when set, else {@code l2_reg}. */
  public double resolvedInterceptL2Reg() {
    Double interceptL2Reg = get(AlsOptionTable.INTERCEPT_L2_REG);
    return interceptL2Reg != null ? interceptL2Reg : l2Reg();
  }

  /** The value of {@code option}, null when automatic. */
  Object value(Option<?> option) {
    return values.get(option);
  }

  private <T> T get(Option<T> option) {
    @SuppressWarnings("unchecked")
    T value = (T) values.get(option);
    return value;
  }

  /**
   * Whether option {@code name} (BigQuery ML spelling) was set by the user, through {@link
   * #fromMap} or a builder setter, rather than left at its default.
   */
  public boolean isSet(String name) {
    return given.contains(name);
  }

  public FeedbackType feedbackType() {
    return get(AlsOptionTable.FEEDBACK_TYPE);
  }

  /** The configured factor count, or null for BigQuery ML's automatic log2(n). */
  public Integer numFactors() {
    return get(AlsOptionTable.NUM_FACTORS);
  }

  public double l2Reg() {
    return get(AlsOptionTable.L2_REG);
  }

  public int maxIterations() {
    return get(AlsOptionTable.MAX_ITERATIONS);
  }

  public boolean earlyStop() {
    return get(AlsOptionTable.EARLY_STOP);
  }

  public double minRelProgress() {
    return get(AlsOptionTable.MIN_REL_PROGRESS);
  }

  public double walsAlpha() {
    return get(AlsOptionTable.WALS_ALPHA);
  }

  public RegularizationMode l2RegMode() {
    return get(AlsOptionTable.L2_REG_MODE);
  }

  /** The exponent e of {@code weighted} regularization, λ·n^e (1 = ALS-WR). */
  public double l2RegExponent() {
    return get(AlsOptionTable.L2_REG_EXPONENT);
  }

  public long seed() {
    return get(AlsOptionTable.SEED);
  }

  public int threads() {
    return get(AlsOptionTable.THREADS);
  }

  /**
   * How the model is fitted: {@code als} (the default), {@code vb}, {@code gibbs}, or {@code auto}
   * until {@link AutoMethod} resolves it for a training set.
   */
  public TrainingMethod method() {
    return get(AlsOptionTable.METHOD);
  }

  /**
   * How many posterior samples {@code method: gibbs} averages into the model; each contributes
   * {@code num_factors / num_samples} of the exported factors (1 for the other methods).
   */
  public int numSamples() {
    return get(AlsOptionTable.NUM_SAMPLES);
  }

  /** The configured burn-in, or null for the automatic quarter of {@code max_iterations}. */
  public Integer burnInIterations() {
    return get(AlsOptionTable.BURN_IN_ITERATIONS);
  }

  /** Conjugate-gradient steps per row and half-step of implicit ALS with {@code cg}. */
  public int cgSteps() {
    return get(AlsOptionTable.CG_STEPS);
  }

  /** How implicit ALS solves each row: {@code cg} (the default) or exact {@code cholesky}. */
  public ImplicitSolver implicitSolver() {
    return get(AlsOptionTable.IMPLICIT_SOLVER);
  }

  /**
   * The smallest rating that counts as an implicit interaction (a positive); ratings below it are
   * treated as unobserved in training and evaluation. 0 keeps every rating above 0.
   */
  public double positiveThreshold() {
    return get(AlsOptionTable.POSITIVE_THRESHOLD);
  }

  @Override
  public String toString() {
    return "AlsOptions" + toMap(0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlsOptions that
        && toMap(1000).equals(that.toMap(1000))
        && Stream.of(
                AlsOptionTable.NUM_FACTORS,
                AlsOptionTable.INTERCEPT_L2_REG,
                AlsOptionTable.NUM_SAMPLES,
                AlsOptionTable.BURN_IN_ITERATIONS)
            .allMatch(option -> Objects.equals(value(option), that.value(option)));
  }

  @Override
  public int hashCode() {
    return toMap(1000).hashCode();
  }

  /** Collects options and checks them all at {@link #build()}. */
  public static final class Builder {
    private final Map<Option<?>, Object> values = new IdentityHashMap<>();
    private final Set<String> given = new TreeSet<>();

    private Builder() {
      AlsOptionTable.ALL.forEach(option -> values.put(option, option.defaultValue()));
    }

    /** Sets {@code option} to {@code value} (null: automatic) and remembers it was set. */
    <T> Builder set(Option<T> option, T value) {
      values.put(option, value);
      given.add(option.name());
      return this;
    }

    public Builder feedbackType(FeedbackType value) {
      return set(AlsOptionTable.FEEDBACK_TYPE, value);
    }

    /** Sets the factor count; null means BigQuery ML's automatic log2(n). */
    public Builder numFactors(Integer value) {
      return set(AlsOptionTable.NUM_FACTORS, value);
    }

    public Builder l2Reg(double value) {
      return set(AlsOptionTable.L2_REG, value);
    }

    public Builder maxIterations(int value) {
      return set(AlsOptionTable.MAX_ITERATIONS, value);
    }

    public Builder earlyStop(boolean value) {
      return set(AlsOptionTable.EARLY_STOP, value);
    }

    public Builder minRelProgress(double value) {
      return set(AlsOptionTable.MIN_REL_PROGRESS, value);
    }

    public Builder walsAlpha(double value) {
      return set(AlsOptionTable.WALS_ALPHA, value);
    }

    public Builder l2RegMode(RegularizationMode value) {
      return set(AlsOptionTable.L2_REG_MODE, value);
    }

    /** Sets e in the weighted mode's λ·n^e (0..2; 1 is ALS-WR). */
    public Builder l2RegExponent(double value) {
      return set(AlsOptionTable.L2_REG_EXPONENT, value);
    }

    /** Sets the intercepts' λ; null means "same as l2_reg". */
    public Builder interceptL2Reg(Double value) {
      return set(AlsOptionTable.INTERCEPT_L2_REG, value);
    }

    public Builder seed(long value) {
      return set(AlsOptionTable.SEED, value);
    }

    public Builder threads(int value) {
      return set(AlsOptionTable.THREADS, value);
    }

    /** Sets how the model is fitted: ALS (the default), variational Bayes or Gibbs sampling. */
    public Builder method(TrainingMethod value) {
      return set(AlsOptionTable.METHOD, value);
    }

    /** Sets how many posterior samples {@code gibbs} packs into the model (must divide k). */
    public Builder numSamples(int value) {
      return set(AlsOptionTable.NUM_SAMPLES, value);
    }

    /** Sets the sweeps {@code gibbs} discards first; null means a quarter of the iterations. */
    public Builder burnInIterations(Integer value) {
      return set(AlsOptionTable.BURN_IN_ITERATIONS, value);
    }

    /** Sets the conjugate-gradient steps of implicit ALS (1..50). */
    public Builder cgSteps(int value) {
      return set(AlsOptionTable.CG_STEPS, value);
    }

    /** Sets how implicit ALS solves each row: conjugate gradient or exact Cholesky. */
    public Builder implicitSolver(ImplicitSolver value) {
      return set(AlsOptionTable.IMPLICIT_SOLVER, value);
    }

    /** Sets the smallest rating kept as an implicit interaction (>= 0; 0 keeps all r > 0). */
    public Builder positiveThreshold(double value) {
      return set(AlsOptionTable.POSITIVE_THRESHOLD, value);
    }

    /** Every problem: each value against its declared range, then the cross-option rules. */
    List<String> problems() {
      return AlsOptionText.problems(new AlsOptions(this));
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
