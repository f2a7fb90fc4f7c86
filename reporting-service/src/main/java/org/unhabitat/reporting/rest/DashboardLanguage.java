package org.unhabitat.reporting.rest;

import org.unhabitat.platform.problem.InvalidRequestException;

import java.util.List;
import java.util.Locale;

/** The dashboard's languages, each named in itself for the switcher. */
public enum DashboardLanguage {
    EN("en", "English"),
    FR("fr", "Français"),
    ES("es", "Español"),
    ZH("zh", "中文");

    private final String tag;
    private final String nativeName;

    DashboardLanguage(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    public String tag() {
        return tag;
    }

    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** {@code lang} when given; otherwise the first of the browser's languages we speak; otherwise English. */
    static DashboardLanguage choose(String lang, List<Locale> acceptable) {
        if (lang != null && !lang.isBlank()) {
            for (DashboardLanguage language : values()) {
                if (language.tag.equals(lang)) {
                    return language;
                }
            }
            throw InvalidRequestException.parameter("lang", "must be one of en, fr, es, zh");
        }
        for (Locale locale : acceptable) {
            for (DashboardLanguage language : values()) {
                if (language.tag.equals(locale.getLanguage())) {
                    return language;
                }
            }
        }
        return EN;
    }
}
