package org.switchboard.contact;

import java.util.List;

/**
 * A contact as the school's platform, an import row or the contact form describes it. Groups are named, guardians
 * are given by external id.
 */
public record ContactInput(
        String firstName,
        String lastName,
        ContactKind kind,
        String notes,
        List<NumberInput> numbers,
        List<String> groups,
        List<String> guardians) {

    public record NumberInput(String number, NumberLabel label) {}
}
