package dev.infra.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs kwokctl (and the version probes it needs) with every binary taken from one directory, so
 * that kwokctl never tries to download anything.
 */
final class Kwokctl {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern KUBE_VERSION = Pattern.compile("Kubernetes (v\\d+\\.\\d+\\.\\d+)");
    private static final Pattern ETCD_VERSION = Pattern.compile("etcd Version: (\\d+\\.\\d+\\.\\d+)");

    private final LocalClusterOptions options;
    private final Map<String, String> environment;

    Kwokctl(LocalClusterOptions options) {
        this.options = options;
        this.environment = environment(options);
    }

    String run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary("kwokctl"));
        command.add("--name");
        command.add(options.name());
        command.addAll(List.of(arguments));
        return execute(command, environment);
    }

    private Map<String, String> environment(LocalClusterOptions options) {
        requireBinaries();
        Map<String, String> env = new HashMap<>(System.getenv());
        // kwokctl looks kubectl up on PATH before it would download one.
        env.put("PATH", options.binDir() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("KWOK_WORKDIR", options.kwokWorkDir().toString());
        env.put("KWOK_RUNTIME", "binary");
        env.put("KWOK_KUBE_BINARY_PREFIX", options.binDir().toString());
        env.put("KWOK_KUBECTL_BINARY", binary("kubectl"));
        env.put("KWOK_ETCD_BINARY", binary("etcd"));
        env.put("KWOK_CONTROLLER_BINARY", binary("kwok"));
        // kwokctl picks component flags by version; tell it the versions these binaries have.
        env.put("KWOK_KUBE_VERSION", probe("kube-apiserver", KUBE_VERSION));
        env.put("KWOK_ETCD_VERSION", probe("etcd", ETCD_VERSION));
        return Map.copyOf(env);
    }

    private void requireBinaries() {
        for (String name : List.of("kwokctl", "kwok", "etcd", "kubectl", "kube-apiserver",
                "kube-controller-manager", "kube-scheduler")) {
            if (!Files.isExecutable(options.binDir().resolve(name))) {
                throw new IllegalStateException("no executable " + name + " in " + options.binDir()
                        + "; build the local cluster binaries with scripts/testbin.sh");
            }
        }
    }

    private String probe(String name, Pattern version) {
        String output = execute(List.of(binary(name), "--version"), System.getenv());
        Matcher matcher = version.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("cannot read the version of " + name + " from: " + output.strip());
        }
        return matcher.group(1);
    }

    private String binary(String name) {
        return options.binDir().resolve(name).toString();
    }

    private static String execute(List<String> command, Map<String, String> environment) {
        CommandLine line = new CommandLine(command.get(0));
        command.subList(1, command.size()).forEach(argument -> line.addArgument(argument, false));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(output));
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(TIMEOUT).get());
        try {
            executor.execute(line, environment);
            return output.toString(StandardCharsets.UTF_8);
        } catch (ExecuteException e) {
            String text = output.toString(StandardCharsets.UTF_8);
            if (executor.getWatchdog().killedProcess()) {
                text += "\n(killed after " + TIMEOUT.toSeconds() + "s)";
            }
            throw new CommandFailedException(command, e.getExitValue(), text, e);
        } catch (IOException e) {
            throw new CommandFailedException(command, -1, output.toString(StandardCharsets.UTF_8), e);
        }
    }
}
