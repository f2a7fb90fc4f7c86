package org.unhabitat.reporting.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What money can be filtered or grouped by in flows, with the name the contract gives each and, for coded
 * dimensions, the order of the contract's Codes section, in which groups are sorted.
 */
public enum FlowDimension {
    YEAR("year", null),
    MONTH("month", null),
    BUDGET_LINE("budgetLine", names(BudgetLine.values())),
    REGION("region", List.of("AFRICA", "ARAB_STATES", "ASIA_PACIFIC", "LATIN_AMERICA_CARIBBEAN", "EUROPE", "GLOBAL")),
    EARMARKING("earmarking", names(Earmarking.values())),
    CONTRIBUTOR_TYPE("contributorType", names(ContributorType.values())),
    CONTRIBUTOR("contributor", null),
    PROGRAMME("programme", null),
    CHANNEL("channel", names(Channel.values())),
    MODALITY("modality", names(Modality.values())),
    CURRENCY("currency", null);

    private final String parameter;
    private final List<String> codes;

    FlowDimension(String parameter, List<String> codes) {
        this.parameter = parameter;
        this.codes = codes;
    }

    public String parameter() {
        return parameter;
    }

    /** The codes a coded dimension takes, in the contract's order; empty for years, months, contributors, programmes and currencies. */
    public List<String> codes() {
        return codes == null ? List.of() : codes;
    }

    public static Optional<FlowDimension> byParameter(String parameter) {
        return Arrays.stream(values()).filter(dimension -> dimension.parameter.equals(parameter)).findFirst();
    }

    /** Key values in the contract's order: codes as listed, years and months ascending, the others by code; none last. */
    public Comparator<Object> keyOrder() {
        Comparator<Object> natural = codes == null
                ? Comparator.comparing(value -> value instanceof Integer year ? String.format("%06d", year) : value.toString())
                : Comparator.comparingInt(codes::indexOf);
        return Comparator.nullsLast(natural);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
