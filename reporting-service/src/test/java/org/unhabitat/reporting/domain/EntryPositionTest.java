package org.unhabitat.reporting.domain;

import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.domain.EntryPosition;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Found by deploy/chaos: reporting's outstanding USD was a cent off the ledger's for partly paid pledges in other currencies. */
class EntryPositionTest {

    @Test
    void outstandingUsdIsTheEntrysUsdLessWhatWasPaidAtThePledgesRateAsInTheLedger() {
        // EUR 1,000.00 at 0.83 per USD is USD 1,204.82; EUR 1.00 paid is USD 1.20 at that rate. The ledger owes
        // 1,204.82 - 1.20 = 1,203.62, while EUR 999.00 converted on its own would round to 1,203.61.
        EntryPosition position = new EntryPosition(2022, new BigDecimal("1000.00"), new BigDecimal("1204.82"),
                new BigDecimal("1.00"), new BigDecimal("1.20"), new BigDecimal("0.83"), false);

        assertEquals(new BigDecimal("1203.62"), position.outstandingUsd());
    }

    @Test
    void aYearPaidInFullOwesNothingWhateverTheRates() {
        EntryPosition position = new EntryPosition(2022, new BigDecimal("1000.00"), new BigDecimal("1204.82"),
                new BigDecimal("1000.00"), new BigDecimal("1204.82"), new BigDecimal("0.83"), false);

        assertEquals(new BigDecimal("0.00"), position.outstandingUsd());
    }
}
