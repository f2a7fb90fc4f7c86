package org.unhabitat.reporting.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** One clock for "today", so that month-end snapshots and forecasts can be tested at a fixed date. */
public class ClockConfig {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
