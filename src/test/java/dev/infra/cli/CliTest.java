package dev.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.UnreachableCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class CliTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static void assertOneLineError(Result result, int code, String message) {
        assertEquals(code, result.code(), result.err());
        assertEquals("", result.out());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("infra: error: "), result.err());
        assertTrue(result.err().contains(message), result.err());
    }

    @Test
    void mistypedSubcommandIsAUsageErrorWithASuggestion() {
        assertOneLineError(run("plann"), 2, "did you mean 'plan'?");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertOneLineError(run("plan", "--profiel", "ci"), 2, "did you mean '--profile'?");
    }

    @Test
    void badOutputFormatIsAUsageError() {
        assertOneLineError(run("plan", "-o", "xml"), 2, "Invalid value for option '--output'");
    }

    @Test
    void diffRefusesAnOutputItHasNoFormForBeforeTouchingACluster() {
        assertOneLineError(run("diff", "-o", "yaml", "--kubeconfig", "/nonexistent/kubeconfig"), 2, "-o yaml is not for 'infra diff'; use table or json");
    }

    @Test
    void aChartSourceThatIsNotADirectoryIsRefusedBeforeTouchingACluster() {
        for (String command : List.of("up", "diff", "doctor")) {
            assertOneLineError(run(command, "--profile", "ci", "--chart-source", "/nonexistent/charts", "--kubeconfig", "/nonexistent/kubeconfig"),
                    2, "--chart-source /nonexistent/charts is not a directory");
        }
    }

    @Test
    void unknownProfileIsAUsageErrorWithASuggestion() {
        assertOneLineError(run("plan", "--profile", "minikub"), 2, "unknown profile 'minikub'; did you mean 'minikube'?");
    }

    @Test
    void missingConfigFileIsAUsageError() {
        assertOneLineError(run("plan", "--config", "/nonexistent/infra.yaml"), 2, "cannot read /nonexistent/infra.yaml");
    }

    @Test
    void malformedInfraYamlIsAUsageErrorNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("infra.yaml");
        Files.writeString(file, "profile: ci\ncomponents:\n  minio:\n    valeus: {}\n");
        assertOneLineError(run("plan", "-f", file.toString()), 2, file + ":4: components.minio.valeus: unknown field 'valeus'");
    }

    @Test
    void verboseAddsTheCauseChain(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("infra.yaml");
        Files.writeString(file, "profile: [\n");
        var result = run("plan", "-v", "-f", file.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().lines().count() > 1, result.err());
        assertTrue(result.err().lines().skip(1).findFirst().orElse("").startsWith("  caused by: "), result.err());
    }

    @Test
    void globalOptionsWorkBeforeTheSubcommandToo() {
        var result = run("-o", "json", "plan", "--profile", "ci");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().startsWith("{"));
    }

    @Test
    void planJsonMatchesTheDocumentedSchema() throws IOException {
        var result = run("plan", "--profile", "minikube", "-o", "json");
        assertEquals(0, result.code(), result.err());
        Path golden = Path.of("src/test/resources/golden/plan-minikube.json");
        if (Boolean.getBoolean("golden.update")) Files.writeString(golden, result.out());
        assertEquals(JsonMapper.shared().readTree(Files.readString(golden)), JsonMapper.shared().readTree(result.out()),
                "plan JSON changed; if on purpose, rerun with -Dgolden.update=true and review the diff");
    }

    @Test
    void planTableShowsEveryEnabledComponentWithWaveAndCriticalPath() {
        var result = run("plan", "--profile", "minikube", "--no-color");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().startsWith("WAVE   COMPONENT"), result.out());
        assertTrue(result.out().contains("critical path: platform -> "), result.out());
        assertTrue(!result.out().contains("\u001b["), "no escape codes with --no-color");
    }

    @Test
    void componentsListsDisabledOnesToo() {
        var result = run("components", "-o", "json");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("\"name\" : \"promtail\""), result.out());
        assertTrue(result.out().contains("\"enabled\" : false"), result.out());
    }

    @Test
    void downOfAnUnknownComponentIsRefusedBeforeTouchingACluster() {
        var result = run("down", "--yes", "--profile", "ci", "--only", "pgadmn", "--kubeconfig", "/nonexistent/kubeconfig");
        assertOneLineError(result, 2, "--only: unknown component 'pgadmn'; did you mean 'pgadmin'?");
    }

    @Test
    void secretGetOfAnUnreachableApiServerExitsThree(@TempDir Path dir) throws IOException {
        // secret get sends its one GET without a probe before it; a GET that gets no answer says so
        Path kubeconfig = UnreachableCluster.kubeconfig(dir);
        assertOneLineError(run("secret", "get", "db-credentials", "--key", "POSTGRES_PASSWORD", "--kubeconfig", kubeconfig.toString()),
                3, "cannot reach the API server https://127.0.0.1:1/ of context 'gone'");
    }

    @Test
    void secretGetNamesAProfileMistakeBeforeAKubeconfigOne() {
        // the kubeconfig is read while the catalog is, but a catalog error is what the user sees first, as before
        assertOneLineError(run("secret", "get", "db-credentials", "--profile", "minikub", "--kubeconfig", "/nonexistent/kubeconfig"),
                2, "unknown profile 'minikub'");
    }

    @Test
    void versionComesFromTheBuild() {
        var result = run("--version");
        assertEquals(0, result.code());
        assertTrue(result.out().startsWith("infra "), result.out());
    }

    @Test
    void completionScriptIsGeneratedByPicocli() {
        var result = run("completion");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("complete -F _complete_infra"), result.out().lines().limit(3).toList().toString());
    }

    @Test
    void everySubcommandAnswersHelpAsItsErrorsSuggest() {
        for (String[] command : new String[][]{{"up"}, {"down"}, {"status"}, {"secret", "get"}, {"port-forward"},
                {"maintenance"}, {"sandbox", "up"}, {"export", "argocd"}, {"plan"}}) {
            var args = new java.util.ArrayList<>(java.util.List.of(command));
            args.add("--help");
            var result = run(args.toArray(String[]::new));
            assertEquals(0, result.code(), String.join(" ", command) + ": " + result.err());
            assertTrue(result.out().startsWith("Usage: infra " + String.join(" ", command)), result.out());
        }
    }
    @Test
    void exportArgocdNamesTheSecretsToCreateBeforeSyncing() {
        var result = run("export", "argocd", "--profile", "minikube", "--repo", "https://git.example.com/x.git");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.err().contains("note: create Secret apps/db-credentials before Argo CD syncs app-database, app-backend; "
                + "the export does not\n"), result.err());
        assertTrue(result.out().contains("infra.dev/required-secrets: apps/db-credentials"), result.out());
    }
}
