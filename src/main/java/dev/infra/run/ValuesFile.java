package dev.infra.run;

import dev.infra.errors.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A component's helm values in a file only its owner can read (mode 0600, in the run's
 * {@link ValuesDirectory}), deleted on close,
 * with {@code ${secret:NAME/KEY}} read from the cluster: secret values never reach helm's
 * command line or infra's output.
 */
final class ValuesFile implements AutoCloseable {
    // no "---" start marker: helm 4 refuses the "--- {}" that empty values would be written as
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER).build();
    private static final Pattern SECRET = Pattern.compile("\\$\\{secret:([^/}]+)/([^}]+)}");

    private final Path path;

    private ValuesFile(Path path) {
        this.path = path;
    }

    /** {@code values} with every {@code ${secret:NAME/KEY}} replaced by the secret's value (now in {@code mask}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(Map<String, Object> values, String namespace, SecretStore secrets, SecretMask mask) {
        return (Map<String, Object>) resolveSecrets(values, namespace, secrets, mask);
    }

    /** {@code values}, secrets already resolved, in a private file. */
    static ValuesFile write(ValuesDirectory dir, Map<String, Object> values) {
        String yaml = yaml(values);
        try {
            Path file = Files.createTempFile(dir.path(), "infra-values-", ".yaml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, yaml);
            return new ValuesFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a values file", e);
        }
    }

    /** {@code values} as the YAML helm reads, secret references left as they are. */
    static String yaml(Map<String, Object> values) {
        return YAML.writeValueAsString(values);
    }

    Path path() {
        return path;
    }

    /** A copy of {@code value} (maps, lists, strings) with secret references replaced. */
    private static Object resolveSecrets(Object value, String namespace, SecretStore secrets, SecretMask mask) {
        if (value instanceof Map<?, ?> map) {
            var copy = new java.util.LinkedHashMap<Object, Object>();
            map.forEach((k, v) -> copy.put(k, resolveSecrets(v, namespace, secrets, mask)));
            return copy;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(v -> resolveSecrets(v, namespace, secrets, mask)).toList();
        }
        if (!(value instanceof String text)) return value;
        Matcher m = SECRET.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            Map<String, String> secret = secrets.values(namespace, m.group(1));
            String secretValue = secret == null ? null : secret.get(m.group(2));
            if (secretValue == null) {
                throw new ConfigException("values refer to secret " + namespace + "/" + m.group(1) + " key " + m.group(2) + ", which does not exist");
            }
            mask.add(secretValue);
            m.appendReplacement(out, Matcher.quoteReplacement(secretValue));
        }
        return m.appendTail(out).toString();
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
