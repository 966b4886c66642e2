package org.switchboard.phone;

import java.util.List;

/**
 * Phones sent reports about these commands, which are about to be acted on in the current transaction: a feature can
 * read what the references name in one query rather than one per report.
 *
 * @param references the commands' references (as given when they were queued) of one action
 */
public record CommandsReported(CommandAction action, List<String> references) {}
