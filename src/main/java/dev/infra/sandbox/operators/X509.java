package dev.infra.sandbox.operators;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Real X.509 certificates without a library: the JDK generates keys and signs, but has no public
 * API to build a certificate, so this writes the DER of RFC 5280's TBSCertificate (version 3,
 * subject and issuer, validity, key, basicConstraints, keyUsage, subjectAltName DNS names).
 */
final class X509 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What to certify. */
    record Request(String commonName, List<String> dnsNames, boolean isCa, Instant notBefore, Instant notAfter) {
    }

    private X509() {
    }

    /** RSA (size bits, 2048 when 0) or ECDSA (P-256 or P-384), as cert-manager's privateKey takes them. */
    static KeyPair keyPair(String algorithm, int size) {
        try {
            if ("ECDSA".equalsIgnoreCase(algorithm)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(size == 384 ? "secp384r1" : "secp256r1"));
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(size > 0 ? size : 2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }

    /** The DER certificate of {@code subjectKey}, issued by {@code issuer} and signed with its key. */
    static byte[] certificate(Request request, PublicKey subjectKey, X500Principal issuer, PrivateKey issuerKey) {
        boolean ec = "EC".equals(issuerKey.getAlgorithm());
        String signatureAlgorithm = ec ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] algorithm = ec ? sequence(oid("1.2.840.10045.4.3.2"))
                : sequence(oid("1.2.840.113549.1.1.11"), new byte[] {0x05, 0x00});
        byte[] tbs = sequence(
                tlv(0xA0, integer(BigInteger.valueOf(2))),
                integer(new BigInteger(127, RANDOM).add(BigInteger.ONE)),
                algorithm,
                issuer.getEncoded(),
                sequence(utcTime(request.notBefore()), utcTime(request.notAfter())),
                new X500Principal(request.commonName().isEmpty() ? "" : "CN=" + request.commonName()).getEncoded(),
                subjectKey.getEncoded(),
                tlv(0xA3, sequence(extensions(request))));
        try {
            Signature signature = Signature.getInstance(signatureAlgorithm);
            signature.initSign(issuerKey);
            signature.update(tbs);
            return sequence(tbs, algorithm, bitString(signature.sign(), 0));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[][] extensions(Request request) {
        byte[] basicConstraints = extension("2.5.29.19", true,
                request.isCa() ? sequence(new byte[] {0x01, 0x01, (byte) 0xFF}) : sequence());
        // digitalSignature and keyEncipherment, and keyCertSign for a CA (cert-manager's defaults)
        byte[] keyUsage = extension("2.5.29.15", true,
                request.isCa() ? bitString(new byte[] {(byte) 0xA4}, 2) : bitString(new byte[] {(byte) 0xA0}, 5));
        if (request.dnsNames().isEmpty()) {
            return new byte[][] {basicConstraints, keyUsage};
        }
        byte[][] names = request.dnsNames().stream()
                .map(name -> tlv(0x82, name.getBytes(StandardCharsets.US_ASCII))).toArray(byte[][]::new);
        // RFC 5280 4.2.1.6: critical when the subject is empty
        return new byte[][] {basicConstraints, keyUsage, extension("2.5.29.17", request.commonName().isEmpty(), sequence(names))};
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? sequence(oid(oid), new byte[] {0x01, 0x01, (byte) 0xFF}, tlv(0x04, value))
                : sequence(oid(oid), tlv(0x04, value));
    }

    private static byte[] utcTime(Instant time) {
        return tlv(0x17, UTC_TIME.format(time).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bitString(byte[] bits, int unused) {
        byte[] content = new byte[bits.length + 1];
        content[0] = (byte) unused;
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        var out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return tlv(0x30, out.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) out.write(length >> (8 * i));
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
