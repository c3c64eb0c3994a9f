package dev.infra.sandbox.operators;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** Generated passwords and their PostgreSQL SCRAM-SHA-256 verifiers (RFC 5802, RFC 7677). */
final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 4096;
    // printable ASCII without quotes, backslash and space, as PGO's GenerateASCIIPassword
    private static final String ASCII = "!#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~";

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Passwords() {
    }

    static String ascii(int length) {
        return random(ASCII, length);
    }

    /** Letters and digits, as ECK's and External Secrets' generated values. */
    static String alphanumeric(int length) {
        return random(ALPHANUMERIC, length);
    }

    private static String random(String characters, int length) {
        var out = new StringBuilder();
        for (int i = 0; i < length; i++) out.append(characters.charAt(RANDOM.nextInt(characters.length())));
        return out.toString();
    }

    /** {@code SCRAM-SHA-256$4096:salt$StoredKey:ServerKey}, as PostgreSQL stores it. */
    static String scramSha256(String password) {
        try {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder b64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + ITERATIONS + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey) + ":"
                    + b64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute a SCRAM verifier", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
    }
}
