package io.recopipe.pipeline.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, with nothing downloaded and no
 * background traffic, plus screenshots under {@code target/screenshots} for people to look at.
 */
final class Browser implements AutoCloseable {
  /** Debian's chromium. */
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Debian's chromium-driver. */
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Where screenshots go (the module's target directory). */
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final WebDriver driver;
  private final ChromeDriverService service;

  /** Whether both binaries are installed. */
  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  Browser(Path profile) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(profile),
        "--window-size=1400,1000");
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  /** Saves the whole page (the window grown to its height) as {@code name}.png. */
  Path screenshot(String name) throws IOException {
    Object height =
        ((ChromeDriver) driver).executeScript("return document.documentElement.scrollHeight");
    int pixels = Math.min(6000, Math.max(800, ((Number) height).intValue() + 40));
    driver.manage().window().setSize(new Dimension(1400, pixels));
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(new Dimension(1400, 1000));
    return target;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
