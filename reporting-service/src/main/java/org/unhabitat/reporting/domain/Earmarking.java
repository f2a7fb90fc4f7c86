package org.unhabitat.reporting.domain;

public enum Earmarking {
    NON_EARMARKED, SOFTLY_EARMARKED, EARMARKED
}
