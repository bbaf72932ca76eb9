package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import nabla.autograd.GraphBackprop;
import nabla.core.Network;
import org.junit.jupiter.api.Test;

/** The imports that {@code nabla shell} starts JShell with, evaluated by JShell itself. */
class ShellCommandTest {

    @Test
    void startupImportsLetSnippetsUseNabla() throws Exception {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (Class<?> type : List.of(Network.class, GraphBackprop.class, Nabla.class)) {
                shell.addToClasspath(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            }

            for (String snippet : snippets(startupText(), shell.sourceCodeAnalysis())) {
                assertAccepted(shell.eval(snippet), snippet);
            }
            List<SnippetEvent> count = shell.eval("new Network(new int[] {2, 3, 1}, 1).parameterCount()");
            List<SnippetEvent> check = shell.eval("GradientChecker.withGraph(CheckOptions.defaults()).getClass().getSimpleName()");

            // 3·(2 + 1) + 1·(3 + 1)
            assertEquals("13", count.get(0).value(), count.toString());
            assertEquals("\"GradientChecker\"", check.get(0).value(), check.toString());
        }
    }

    @Test
    void startupScriptIsCopiedOutOfJar() throws IOException {
        Path file = ShellCommand.startupScript();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (String name : List.of("core", "data", "train", "autograd", "check", "trace")) {
                assertTrue(text.contains("import nabla." + name + ".*;"), name + " in " + text);
            }
        } finally {
            Files.delete(file);
        }
    }

    private static String startupText() throws IOException {
        Path file = ShellCommand.startupScript();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            Files.delete(file);
        }
    }

    /** Splits the script into the snippets JShell would read, one complete source at a time. */
    private static List<String> snippets(String text, SourceCodeAnalysis analysis) {
        List<String> snippets = new ArrayList<>();
        String remaining = text;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.source() == null || info.source().isBlank()) {
                break;
            }
            snippets.add(info.source());
            remaining = info.remaining();
        }
        return snippets;
    }

    private static void assertAccepted(List<SnippetEvent> events, String snippet) {
        assertEquals(1, events.size(), snippet);
        assertEquals(Snippet.Status.VALID, events.get(0).status(), snippet);
    }
}
