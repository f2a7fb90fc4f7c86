package org.unhabitat.reporting.service;

import java.util.Map;

/** Where each partition of the topics reporting reads ends now, as the broker knows it. */
public interface TopicEnds {

    /**
     * Offsets after each partition's last record, keyed by topic and then partition.
     *
     * @throws IllegalStateException if the broker cannot say in time
     */
    Map<String, Map<Integer, Long>> endOffsets();
}
