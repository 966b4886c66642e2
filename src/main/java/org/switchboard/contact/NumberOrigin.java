package org.switchboard.contact;

import java.util.Optional;

/**
 * Where a new contact's number can come from besides being typed: another feature's record that carries one, such
 * as a call's caller or an SMS's sender. A page of that feature opens the contact form with the origin's request
 * parameter and the record's id, and the form takes the number from here, so that the number stays on the server.
 */
public interface NumberOrigin {

    /** The contact form's request parameter that names a record of this origin by its id. */
    String parameter();

    /** The number of the record with that id, if there is such a record and it has one. */
    Optional<String> numberOf(long id);

    /** The message-bundle key the form shows when there is no number to take. */
    String noNumberKey();
}
