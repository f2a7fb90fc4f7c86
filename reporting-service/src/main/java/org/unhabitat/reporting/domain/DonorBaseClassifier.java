package org.unhabitat.reporting.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Classifies core donors of a year against their history, as paragraph 10 of the source report does. */
public final class DonorBaseClassifier {

    public record Classification(List<String> core, List<String> newDonors, List<String> resumed, List<String> increased) {
    }

    /**
     * @param coreIncome per contributor code, the core income received in each year up to and including {@code year}
     */
    public static Classification classify(int year, Map<String, Map<Integer, BigDecimal>> coreIncome) {
        List<String> coreThisYear = coreIncome.entrySet().stream()
                .filter(entry -> isCore(entry.getValue().get(year)))
                .map(Map.Entry::getKey).sorted().toList();
        List<String> newDonors = coreThisYear.stream()
                .filter(code -> coreIncome.get(code).entrySet().stream().noneMatch(y -> y.getKey() < year && isCore(y.getValue())))
                .toList();
        List<String> resumed = coreThisYear.stream()
                .filter(code -> !isCore(coreIncome.get(code).get(year - 1)))
                .filter(code -> coreIncome.get(code).entrySet().stream().anyMatch(y -> y.getKey() < year - 1 && isCore(y.getValue())))
                .toList();
        List<String> increased = coreThisYear.stream()
                .filter(code -> isCore(coreIncome.get(code).get(year - 1)))
                .filter(code -> coreIncome.get(code).get(year).compareTo(coreIncome.get(code).get(year - 1)) > 0)
                .toList();
        return new Classification(coreThisYear, newDonors, resumed, increased);
    }

    private static boolean isCore(BigDecimal received) {
        return received != null && received.signum() > 0;
    }

    private DonorBaseClassifier() {
    }
}
