package org.unhabitat.reporting.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One schedule year of a pledge as published on open.unhabitat.org: figures and codes only, never a
 * note or a reason, and an individual donor only as {@code INDIVIDUAL-DONORS}.
 */
public record OpenPledgeRow(UUID pledgeId, int year, String contributorCode, String contributorName, String contributorType,
                            String budgetLine, String earmarking, String region, String currency, BigDecimal amount,
                            BigDecimal fxRate, BigDecimal usdAmount, LocalDate pledgedOn, BigDecimal paidUsd,
                            BigDecimal outstandingUsd, String status) {
}
