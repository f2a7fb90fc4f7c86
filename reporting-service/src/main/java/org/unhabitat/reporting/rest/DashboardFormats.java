package org.unhabitat.reporting.rest;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Figures as people read them in the page's language: the locale comes from the template instance's "locale"
 * attribute, which the dashboard sets with the message bundles' language. Amounts keep their cents: a table is
 * where a reader checks a figure to the cent; the charts round.
 */
@TemplateExtension
public final class DashboardFormats {

    private static final String MISSING = "–";

    static String usd(BigDecimal amount, @TemplateAttribute("locale") Object locale) {
        if (amount == null) {
            return MISSING;
        }
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(formatLocale(locale));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /** A percentage as the API states it (one decimal), in the locale's percent style: 97.9%, 97,9 %. */
    static String pct(BigDecimal percent, @TemplateAttribute("locale") Object locale) {
        if (percent == null) {
            return MISSING;
        }
        NumberFormat format = NumberFormat.getPercentInstance(formatLocale(locale));
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(percent.movePointLeft(2));
    }

    static String longDate(LocalDate day, @TemplateAttribute("locale") Object locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(formatLocale(locale)).format(day);
    }

    static String monthName(YearMonth month, @TemplateAttribute("locale") Object locale) {
        Locale chosen = formatLocale(locale);
        String pattern = "zh".equals(chosen.getLanguage()) ? "y年M月" : "LLLL y";
        return DateTimeFormatter.ofPattern(pattern, chosen).format(month);
    }

    /** A month key such as "2021-03", as the month's name. */
    static String monthName(String yearMonth, @TemplateAttribute("locale") Object locale) {
        return monthName(YearMonth.parse(yearMonth), locale);
    }

    /** English figures and dates follow the UN's British usage (31 December 2021). */
    private static Locale formatLocale(Object locale) {
        if (locale instanceof Locale chosen) {
            return "en".equals(chosen.getLanguage()) ? Locale.UK : chosen;
        }
        return Locale.UK;
    }

    private DashboardFormats() {
    }
}
