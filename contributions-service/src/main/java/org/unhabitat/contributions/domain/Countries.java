package org.unhabitat.contributions.domain;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-3 country codes, as the JDK knows them (SWE, TUR, USA...). */
public final class Countries {

    private static final Set<String> ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    public static boolean isAlpha3(String code) {
        return code != null && ALPHA3.contains(code);
    }

    private Countries() {
    }
}
