package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccountGateFilterTest {

    @Test
    void theAdministrationIsForAdminsOnly() {
        assertTrue(AccountGateFilter.opens(Role.ADMIN, "/admin/users.xhtml"));
        assertTrue(AccountGateFilter.opens(Role.ADMIN, "/phone/index.xhtml"));
        for (Role role : new Role[] {Role.STAFF, Role.VIEWER, null}) {
            assertFalse(AccountGateFilter.opens(role, "/admin/audit.xhtml"), String.valueOf(role));
            assertFalse(AccountGateFilter.opens(role, "/phone/index.xhtml"), String.valueOf(role));
            assertFalse(AccountGateFilter.opens(role, "/webhook/index.xhtml"), String.valueOf(role));
        }
    }

    @Test
    void sendingAndCallingIsForStaffAndAdmins() {
        for (String page : new String[] {"/sms/compose.xhtml", "/sms/campaigns.xhtml", "/call/dial.xhtml"}) {
            assertTrue(AccountGateFilter.opens(Role.ADMIN, page), page);
            assertTrue(AccountGateFilter.opens(Role.STAFF, page), page);
            assertFalse(AccountGateFilter.opens(Role.VIEWER, page), page);
        }
    }

    /** A viewer is refused the page itself, not only its "Check the file" button. */
    @Test
    void editingTheDirectoryIsForStaffAndAdmins() {
        for (String page : new String[] {"/contact/import.xhtml", "/contact/new.xhtml"}) {
            assertTrue(AccountGateFilter.opens(Role.ADMIN, page), page);
            assertTrue(AccountGateFilter.opens(Role.STAFF, page), page);
            assertFalse(AccountGateFilter.opens(Role.VIEWER, page), page);
        }
    }

    @Test
    void payarasMetricsAndOpenApiAreForAdminsOnly() {
        for (String path : new String[] {"/metrics", "/metrics/base", "/openapi", "/openapi/"}) {
            assertTrue(AccountGateFilter.opens(Role.ADMIN, path), path);
            assertFalse(AccountGateFilter.opens(Role.STAFF, path), path);
            assertFalse(AccountGateFilter.opens(Role.VIEWER, path), path);
        }
        assertTrue(AccountGateFilter.opens(Role.VIEWER, "/metricsview.xhtml"), "a path covers only what is under it");
    }

    @Test
    void otherPagesAreOpenToEverySignedInUser() {
        assertTrue(AccountGateFilter.opens(Role.VIEWER, "/contact/index.xhtml"));
        assertTrue(AccountGateFilter.opens(Role.VIEWER, "/sms/history.xhtml"));
        assertTrue(AccountGateFilter.opens(Role.VIEWER, "/administration.xhtml"), "a folder covers only what is in it");
    }
}
