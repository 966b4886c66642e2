package org.switchboard.companion.core;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The password that lets someone leave kiosk mode. Only a salted PBKDF2 hash is kept on the phone, so reading the
 * app's storage does not give it away. PBKDF2 with HMAC-SHA1 is the variant every Android since 8 and every JDK has.
 */
public final class ExitPassword {

    public static final int MINIMUM_LENGTH = 6;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA1";
    private static final int ITERATIONS = 120_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private ExitPassword() {}

    /**
     * The stored form: {@code pbkdf2-sha1$iterations$salt$hash} (Base64).
     *
     * @throws IllegalArgumentException when shorter than {@link #MINIMUM_LENGTH}
     */
    public static String hash(String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("the exit password needs at least " + MINIMUM_LENGTH + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return "pbkdf2-sha1$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether the password matches the stored hash; a damaged or empty stored value matches nothing. */
    public static boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] fields = stored.split("\\$");
        if (fields.length != 4 || !fields[0].equals("pbkdf2-sha1")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(fields[1]);
            byte[] salt = Base64.getDecoder().decode(fields[2]);
            byte[] expected = Base64.getDecoder().decode(fields[3]);
            return iterations > 0 && MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is available on Android 8+ and every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
