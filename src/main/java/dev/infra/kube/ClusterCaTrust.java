package dev.infra.kube;

import dev.infra.cache.UserCache;
import io.fabric8.kubernetes.client.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Trusts only the certificate authority the kubeconfig names, as kubectl does. fabric8 adds that
 * CA to the JDK's ~140 public roots, and loading those was a fifth of {@code infra secret get};
 * given an empty trust store it adds the CA to nothing.
 */
final class ClusterCaTrust {
    static final String PASSWORD = "changeit";

    private ClusterCaTrust() {
    }

    /** Leaves {@code config} as it is when it names no CA or the user chose a trust store. */
    static void apply(Config config, Path emptyStore) {
        boolean namesCa = config.getCaCertData() != null || config.getCaCertFile() != null;
        boolean chosen = config.getTrustStoreFile() != null || System.getProperty("javax.net.ssl.trustStore") != null;
        if (!namesCa || chosen || config.isTrustCerts() || !exists(emptyStore)) return;
        config.setTrustStoreFile(emptyStore.toString());
        config.setTrustStorePassphrase(PASSWORD);
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/infra/trust/empty-truststore.jks} */
    static Path defaultStore() {
        return UserCache.dir("trust").resolve("empty-truststore.jks");
    }

    /** Writes the empty store once; false where it cannot be written (then fabric8 keeps its default). */
    private static boolean exists(Path store) {
        if (Files.isRegularFile(store)) return true;
        try {
            // JKS, which the JDK's PKCS12 type also reads: its integrity check is one hash, where
            // PKCS12's would cost each load 10,000 PBKDF2 rounds
            KeyStore empty = KeyStore.getInstance("JKS");
            empty.load(null, null);
            var bytes = new ByteArrayOutputStream();
            empty.store(bytes, PASSWORD.toCharArray());
            UserCache.writeWhole(store, bytes.toByteArray());
            return true;
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }
}
