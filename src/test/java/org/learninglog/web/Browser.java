package org.learninglog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's chromium, driven by Playwright, one per test class: it never downloads a browser. Each person in a test
 * gets a context of their own (their own cookies); each page records dialogs and console errors, which would mean
 * a script ran that should not have, or the Content-Security-Policy blocked something of ours.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getProperty("learninglog.test.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** One person's browser tab and what went wrong in it. */
    record Tab(BrowserContext context, Page page, List<String> dialogs, List<String> errors) {

        /** Waits until the page's script has loaded its data (or failed); it must not have failed. */
        Tab ready() {
            page.waitForSelector("body[data-ready]");
            assertEquals("true", page.getAttribute("body", "data-ready"), "the page failed: " + status());
            return this;
        }

        String status() {
            return page.locator("#status").textContent();
        }

        void noScriptRan() {
            assertEquals(List.of(), dialogs, "dialogs opened");
            assertEquals(List.of(), errors, "console errors");
            assertEquals(0, page.locator("[onerror], [onload], [onmouseover], [onfocus], script:not([src])").count(),
                    "elements with handlers or inline scripts");
            assertEquals(null, page.evaluate("() => window.__xss === undefined ? null : String(window.__xss)"));
        }

        /** The page's serious and critical axe-core violations, none expected. */
        void accessible(String name) {
            List<String> problems = new ArrayList<>();
            for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
                if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                    problems.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget())).toList());
                }
            }
            assertTrue(problems.isEmpty(), name + ": " + problems);
        }

        /** A full-page screenshot at 360 px and at 1280 px wide, under target/screenshots. */
        void screenshots(String name) {
            for (int width : new int[] { 360, 1280 }) {
                page.setViewportSize(width, 800);
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")));
            }
            page.setViewportSize(1280, 800);
        }
    }

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run")));
    }

    Tab open() {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 800).setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        List<String> dialogs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.onConsoleMessage(message -> {
            // A 4xx the page expects (no entry yet: 404) is logged by the browser as a failed resource; not ours.
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                errors.add(message.text());
            }
        });
        page.onPageError(error -> errors.add(error));
        return new Tab(context, page, dialogs, errors);
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
