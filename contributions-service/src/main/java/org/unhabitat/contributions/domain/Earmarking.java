package org.unhabitat.contributions.domain;

public enum Earmarking {
    NON_EARMARKED,
    SOFTLY_EARMARKED,
    EARMARKED
}
