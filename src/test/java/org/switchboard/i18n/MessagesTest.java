package org.switchboard.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counts read as each language says them; every other text reads as it did before plurals came. */
class MessagesTest {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    @Test
    @DisplayName("Arabic has a form for none, one, two, a few, many and the hundreds, in Arabic-Indic digits")
    void arabicCountsTakeTheirSixForms() {
        assertEquals(
                List.of(
                        "بالوتيرة الحالية، نحو ٠ دقيقة.",
                        "بالوتيرة الحالية، نحو دقيقة واحدة.",
                        "بالوتيرة الحالية، نحو دقيقتين.",
                        "بالوتيرة الحالية، نحو ٣ دقائق.",
                        "بالوتيرة الحالية، نحو ١١ دقيقة.",
                        "بالوتيرة الحالية، نحو ١٠٠ دقيقة."),
                texts(ARABIC, "sms.confirm.pace", 0, 1, 2, 3, 11, 100));
        assertEquals(
                List.of(
                        "لم تُلغَ أي رسالة.",
                        "أُلغيت رسالة واحدة.",
                        "أُلغيت رسالتان.",
                        "أُلغيت ٣ رسائل.",
                        "أُلغيت ١١ رسالة.",
                        "أُلغيت ١٠٠ رسالة."),
                texts(ARABIC, "sms.campaigns.cancelled", 0, 1, 2, 3, 11, 100));
        assertEquals(
                "هذه الرسالة موجّهة إلى مستلمَين، ١١ جزءًا في المجموع.",
                Messages.text(ARABIC, "sms.confirm.goesTo", 2, 11));
        assertEquals(
                "هذه الرسالة موجّهة إلى ١٠٣ مستلمين، جزآن في المجموع.",
                Messages.text(ARABIC, "sms.confirm.goesTo", 103, 2),
                "103 is a few again, where the old choice pattern said the form of 100");
    }

    @Test
    @DisplayName("French counts none and one alike, in the singular")
    void frenchCountsZeroAsOne() {
        assertEquals(
                List.of(
                        "0 message en file d’attente. Suivez-les dans l’historique des SMS.",
                        "1 message en file d’attente. Suivez-les dans l’historique des SMS.",
                        "2 messages en file d’attente. Suivez-les dans l’historique des SMS."),
                texts(Locale.FRENCH, "sms.queued", 0, 1, 2));
        assertEquals(
                List.of(
                        "Au rythme actuel, environ 0 minute.",
                        "Au rythme actuel, environ 1 minute.",
                        "Au rythme actuel, environ 2 minutes."),
                texts(Locale.FRENCH, "sms.confirm.pace", 0, 1, 2));
        assertEquals(
                "Ce SMS part à 2 destinataires, 1 partie en tout.",
                Messages.text(Locale.FRENCH, "sms.confirm.goesTo", 2, 1));
    }

    @Test
    @DisplayName("English says one and more, and none where the text has its own words for it")
    void englishCountsOneAndMore() {
        assertEquals(
                List.of(
                        "1 message queued. Follow them in the SMS history.",
                        "2 messages queued. Follow them in the SMS history."),
                texts(Locale.ENGLISH, "sms.queued", 1, 2));
        assertEquals(
                List.of(
                        "Too many wrong passwords. Try again in 1 minute, or ask an administrator to unlock the account.",
                        "Too many wrong passwords. Try again in 2 minutes, or ask an administrator to unlock the account."),
                texts(Locale.ENGLISH, "login.heldBack", 1, 2));
        assertEquals(
                "This SMS goes to 1 recipient, 3 parts in all.",
                Messages.text(Locale.ENGLISH, "sms.confirm.goesTo", 1, 3));
        assertEquals("No one to send to yet", Messages.text(Locale.ENGLISH, "sms.recipients", 0));
    }

    @Test
    @DisplayName("a count in a text with other arguments, and a number in its thousands")
    void countsSitAmongOtherArguments() {
        assertEquals(
                "1,234 characters · GSM-7 · 9 parts, 3 left in the last part",
                Messages.text(Locale.ENGLISH, "sms.counter", 1234, "GSM-7", 9, 3));
        assertEquals(
                "Held back by the pace of 1 part a minute: at the current pace, the rest goes out in about 2 minutes, by"
                        + " 9:00.",
                Messages.text(Locale.ENGLISH, "sms.campaigns.hold.PACE", 1, 2, "9:00"));
    }

    @Test
    @DisplayName("the counts of the phones page, the campaigns and the login hint")
    void countsOnThePages() {
        assertEquals(
                "رسالتان: ١ وصلت، ٠ قيد الإرسال، ١ في الانتظار، ٠ فشلت، ٠ أُلغيت",
                Messages.text(ARABIC, "sms.campaigns.counts", 2, 1, 0, 1, 0, 0));
        assertEquals(
                "1 message : 0 remis, 0 en cours d'envoi, 0 en attente, 0 en échec, 1 annulé",
                Messages.text(Locale.FRENCH, "sms.campaigns.counts", 1, 0, 0, 0, 0, 1));
        assertEquals("2 téléphones connectés sur 3", Messages.text(Locale.FRENCH, "phones.indicator", 2, 3));
        assertEquals("1 of 1 phone connected", Messages.text(Locale.ENGLISH, "phones.indicator", 1, 1));
        assertEquals("غير متصل منذ ٣ دقائق", Messages.text(ARABIC, "phones.offlineFor", 3));
        assertEquals(
                "After 5 wrong passwords in a row, each further try must wait, longer each time, up to 1 minute.",
                Messages.text(Locale.ENGLISH, "login.lockoutHint", 5, 1));
    }

    /**
     * The texts that count nothing were java.text patterns; ICU reads quotes differently, and formats dates by itself.
     * Each must read exactly as java.text wrote it, digits and quotes included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ar"})
    void textsWithoutCountsReadAsJavaTextWroteThem(String language) throws IOException {
        Locale locale = Locale.forLanguageTag(language);
        Object[] arguments = {"l'a", 1234, java.time.LocalDate.of(2026, 9, 1), 7, "B", java.time.Instant.EPOCH};
        Properties bundle = MessageBundlesTest.load(
                language.equals("en") ? "messages.properties" : "messages_" + language + ".properties");
        for (String key : bundle.stringPropertyNames()) {
            String text = bundle.getProperty(key);
            if (text.contains("{") && !text.contains("plural")) {
                assertEquals(
                        new MessageFormat(text, locale).format(arguments),
                        Messages.text(locale, key, arguments),
                        language + " " + key);
            }
        }
    }

    @Test
    void aTextWithoutArgumentsIsShownAsWritten() {
        assertEquals("Journal d'audit", Messages.text(Locale.FRENCH, "menu.audit"));
    }

    private static List<String> texts(Locale locale, String key, int... counts) {
        return Arrays.stream(counts)
                .mapToObj(count -> Messages.text(locale, key, count))
                .toList();
    }
}
