package org.switchboard.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.platform.InvalidInputException;

/**
 * Phone numbers as people and phones write them ({@code 56 646 971}, {@code 0021656646971}) turned into E.164
 * ({@code +21656646971}), the one form stored and looked up; and masked for users who may not see them.
 */
@ApplicationScoped
public class PhoneNumbers {

    static final int MAX_RAW_LENGTH = 40;
    private static final int VISIBLE_DIGITS = 3;
    private static final char MASK = '•';
    // libphonenumber would read letters as an extension or a vanity number; a stored number has none.
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[+0-9 ().\\-/]+");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    @Inject
    public PhoneNumbers(@ConfigProperty(name = "switchboard.phone.default-region") String defaultRegion) {
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("Unknown phone region " + defaultRegion);
        }
        this.defaultRegion = defaultRegion;
    }

    protected PhoneNumbers() {
        this.defaultRegion = null;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * The E.164 form of a personal phone number.
     *
     * @throws InvalidInputException naming the number, when it is not a valid number or is a short code
     */
    public String normalise(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()
                || text.length() > MAX_RAW_LENGTH
                || !PHONE_CHARACTERS.matcher(text).matches()) {
            throw new InvalidInputException("number", "error.phone.invalid", text);
        }
        Phonenumber.PhoneNumber number =
                parse(text).orElseThrow(() -> new InvalidInputException("number", "error.phone.invalid", text));
        if (!util.isValidNumber(number)) {
            if (ShortNumberInfo.getInstance().isValidShortNumberForRegion(number, defaultRegion)) {
                throw new InvalidInputException("number", "error.phone.shortCode", text);
            }
            throw new InvalidInputException("number", "error.phone.invalid", text);
        }
        return util.format(number, PhoneNumberFormat.E164);
    }

    /** The E.164 form, or empty for anything that is not a valid number (a withheld caller, a sender name). */
    public Optional<String> tryNormalise(String raw) {
        try {
            return Optional.of(normalise(raw));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** The number in international format, e.g. {@code +216 56 646 971}. */
    public String display(String e164) {
        return parse(e164)
                .map(n -> util.format(n, PhoneNumberFormat.INTERNATIONAL))
                .orElse(e164);
    }

    /** The number with all but its country code and last digits hidden, e.g. {@code +216 •• ••• 971}. */
    public String mask(String e164) {
        String shown = display(e164);
        int countryCodeEnd = shown.startsWith("+") && shown.indexOf(' ') > 0 ? shown.indexOf(' ') : 0;
        int digitsLeft = (int) shown.substring(countryCodeEnd)
                .chars()
                .filter(Character::isDigit)
                .count();
        StringBuilder masked = new StringBuilder(shown.substring(0, countryCodeEnd));
        for (char c : shown.substring(countryCodeEnd).toCharArray()) {
            if (Character.isDigit(c)) {
                masked.append(digitsLeft > VISIBLE_DIGITS ? MASK : c);
                digitsLeft--;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    private Optional<Phonenumber.PhoneNumber> parse(String text) {
        try {
            return Optional.of(util.parse(text, defaultRegion));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
