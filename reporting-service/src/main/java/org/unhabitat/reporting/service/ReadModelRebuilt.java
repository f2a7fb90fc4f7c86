package org.unhabitat.reporting.service;

/** Fired once a rebuild has committed: consumers here need not wait for their next look at the generation. */
public record ReadModelRebuilt(long generation) {
}
