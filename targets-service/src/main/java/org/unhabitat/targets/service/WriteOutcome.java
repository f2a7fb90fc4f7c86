package org.unhabitat.targets.service;

/** What a write returns: the resulting state, and whether it created something (201) rather than changed or confirmed it (200). */
public record WriteOutcome<T>(T value, boolean created) {
}
