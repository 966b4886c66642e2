package org.switchboard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void textThatASpreadsheetWouldRunIsWrittenAsText() {
        assertEquals("'=HYPERLINK(\"http://evil.example\")", CsvExport.plain("=HYPERLINK(\"http://evil.example\")"));
        assertEquals("'=cmd|' /C calc'!A0", CsvExport.plain("=cmd|' /C calc'!A0"));
        assertEquals("'+cmd|' /C calc'!A0", CsvExport.plain("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", CsvExport.plain("-2+3"));
        assertEquals("'@SUM(A1)", CsvExport.plain("@SUM(A1)"));
        assertEquals("'\t=1", CsvExport.plain("\t=1"));
    }

    @Test
    void phoneNumbersAndOrdinaryTextStayAsTheyAre() {
        assertEquals("+216 50 400 001", CsvExport.plain("+216 50 400 001"));
        assertEquals("+216 •• ••• 001", CsvExport.plain("+216 •• ••• 001"));
        assertEquals("Demande un rendez-vous", CsvExport.plain("Demande un rendez-vous"));
        assertEquals("بن علي", CsvExport.plain("بن علي"));
        assertEquals("", CsvExport.plain(""));
    }
}
