package org.unhabitat.contributions.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a bulk import file holds, with its columns: the required ones first, then the optional ones. */
public enum ImportKind {
    PLEDGES("pledges",
            List.of("contributorCode", "budgetLine", "earmarking", "region", "currency", "amount", "pledgedOn", "reference"),
            List.of("schedule", "programme", "channel", "modality"),
            "SWE,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,GLOBAL,SEK,20800000,2021-09-15,SE-2021-001,"
                    + "2022=10400000;2023=10400000,,DIRECT,GRANT"),
    PAYMENTS("payments",
            List.of("contributorCode", "pledgeReference", "amount", "currency", "receivedOn", "reference"),
            List.of("forYear"),
            "SWE,SE-2021-001,10400000,SEK,2022-03-10,SEB-2022-03-10-0042,2022");

    private final String code;
    private final List<String> required;
    private final List<String> optional;
    private final String example;

    ImportKind(String code, List<String> required, List<String> optional, String example) {
        this.code = code;
        this.required = required;
        this.optional = optional;
        this.example = example;
    }

    public String code() {
        return code;
    }

    public List<String> required() {
        return required;
    }

    public boolean isColumn(String name) {
        return required.contains(name) || optional.contains(name);
    }

    /** The header row and one example row, every column filled in as a file would be. */
    public String template() {
        return String.join(",", required) + "," + String.join(",", optional) + "\r\n" + example + "\r\n";
    }

    public static Optional<ImportKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
