package org.switchboard.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The card, the call pop-up and an SMS write an amount alike: with its currency's own decimals. */
class AmountsTest {

    @Test
    void anAmountHasItsCurrencysDecimals() {
        assertEquals("250.500", ContactCard.shown(new BigDecimal("250.5"), "TND"));
        assertEquals("250.50", ContactCard.shown(new BigDecimal("250.5"), "EUR"));
        assertEquals("1200", ContactCard.shown(new BigDecimal("1200.00"), "JPY"));
        assertEquals("250.500", new ContactCard.Amount("TND", new BigDecimal("250.5")).shown());
    }

    /** The database keeps three decimals for every currency: a form shows the euro's two. */
    @Test
    void aFormIsFilledWithTheCurrencysDecimals() {
        assertEquals(new BigDecimal("250.50"), ContactCard.scaled(new BigDecimal("250.500"), "EUR"));
        assertEquals(new BigDecimal("250.500"), ContactCard.scaled(new BigDecimal("250.5"), "TND"));
    }
}
