package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Checks that every page of the theme passes in the browser: language menu, labels, contrast, narrow screens. */
final class PageChecks {

    /** WCAG 2.1 AA for normal-size text. */
    static final double AA_CONTRAST = 4.5;

    /**
     * The background a user sees behind an element: its own, or that of the first ancestor with an opaque one
     * (white if none has).
     */
    private static final String EFFECTIVE_BACKGROUND = """
            let element = arguments[0];
            while (element && element.nodeType === 1) {
                const colour = getComputedStyle(element).backgroundColor;
                const alpha = colour.startsWith('rgba') ? parseFloat(colour.split(',')[3]) : 1;
                if (alpha > 0.5) {
                    return colour;
                }
                element = element.parentElement;
            }
            return 'rgb(255, 255, 255)';
            """;

    private PageChecks() {
    }

    /** A wait that also rides out elements a re-rendering page (the React account console) replaces under it. */
    static WebDriverWait waitUpTo(ChromeDriver driver, int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Picks a language in the page's menu and waits for the page to come back in it. */
    static void switchLanguage(ChromeDriver driver, String label, String lang) {
        new Select(driver.findElement(By.id("login-select-toggle"))).selectByVisibleText(label);
        waitUpTo(driver, 15).until(d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** The language menu offers exactly Vietnamese and English, each named in its own language. */
    static void assertLanguageMenu(ChromeDriver driver) {
        List<String> labels = new Select(driver.findElement(By.id("login-select-toggle"))).getOptions().stream()
                .map(o -> o.getText().strip()).toList();
        assertThat(labels).containsExactlyInAnyOrder("Tiếng Việt", "English");
    }

    static String labelOf(ChromeDriver driver, String inputId) {
        return driver.findElement(By.cssSelector("label[for='" + inputId + "']")).getText().strip();
    }

    static String mainText(ChromeDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** Every visible input and select has a label (for=id) with text, or an aria-label; buttons name themselves. */
    static void assertEveryInputLabelled(ChromeDriver driver) {
        for (WebElement input : driver.findElements(By.cssSelector("input:not([type=hidden]):not([type=submit])"
                + ":not([type=button]):not([type=reset]):not([type=image]), select, textarea"))) {
            String id = input.getAttribute("id");
            String ariaLabel = input.getAttribute("aria-label");
            List<WebElement> labels = id == null || id.isEmpty() ? List.of()
                    : driver.findElements(By.cssSelector("label[for='" + id + "']"));
            boolean labelled = (ariaLabel != null && !ariaLabel.isBlank())
                    || labels.stream().anyMatch(l -> !l.getText().isBlank());
            assertThat(labelled).as("a label for input #" + id).isTrue();
        }
    }

    /** The element's text against the background behind it, both as Chromium rendered them. */
    static double contrastOf(ChromeDriver driver, WebElement element) {
        String background = (String) driver.executeScript(EFFECTIVE_BACKGROUND, element);
        return ThemeBrowserIT.Contrast.ratio(element.getCssValue("color"), background);
    }

    static void assertContrast(ChromeDriver driver, WebElement element, String what) {
        assertThat(contrastOf(driver, element)).as("contrast of " + what).isGreaterThanOrEqualTo(AA_CONTRAST);
    }

    /** The header, the page title, every paragraph, label, link and button shown: WCAG AA contrast. */
    static void assertPageContrast(ChromeDriver driver) {
        assertContrast(driver, driver.findElement(By.id("kc-header-wrapper")), "the header");
        assertContrast(driver, driver.findElement(By.id("kc-page-title")), "the page title");
        for (WebElement element : driver.findElements(By.cssSelector("main p, main label, main a, main button, "
                + "main input[type=submit], main .pf-v5-c-alert__title, main .bd-direct-login-banner, "
                + "main .pf-v5-c-helper-text__item-text"))) {
            if (element.isDisplayed() && !element.getText().isBlank() && element.isEnabled()) {
                assertContrast(driver, element, describe(element));
            }
        }
    }

    /**
     * No message key shown as text: a camelCase word ({@code bdOtpPhonesAdd}, {@code doConfirmDelete}), a
     * {@code …-display-name}, an unresolved {@code ${…}} or {@code {{…}}}, or an HTML entity printed literally.
     */
    static void assertNoRawMessageKeys(ChromeDriver driver, String page) {
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).as(page + ": raw message key or escaped text in\n" + text)
                .doesNotContainPattern("\\b[a-z]+(?:[A-Z][a-z0-9]+)+\\b")
                .doesNotContainPattern("[a-z]-display-name")
                .doesNotContain("${").doesNotContain("{{").doesNotContainPattern("&(quot|amp|lt|gt|#\\d+);");
    }

    static void assertNoSidewaysScrolling(ChromeDriver driver) {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("sideways overflow in px").isLessThanOrEqualTo(0);
    }

    static String describe(WebElement element) {
        String id = element.getAttribute("id");
        return element.getTagName() + (id == null || id.isEmpty() ? "" : "#" + id) + " \"" + element.getText().strip() + "\"";
    }
}
