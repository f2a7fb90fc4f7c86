package org.unhabitat.reporting.rest;

import org.junit.jupiter.api.Test;
import org.unhabitat.testing.security.DenyByDefault;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** OWASP API5: every endpoint states who may call it; none is open by omission. */
class DenyByDefaultTest {

    @Test
    void everyResourceMethodDeclaresItsRolesOrThatItIsPublic() {
        assertEquals(List.of(), DenyByDefault.undeclaredEndpoints("org.unhabitat.reporting.rest"));
    }
}
