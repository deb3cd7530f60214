package dev.freeway.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployment recipe as README.md gives it to users: the fenced shell block right after a line
 * {@code <!-- distribution-test: NAME -->}. The distribution tests run these very lines, so the
 * README and what the build proves cannot drift apart: a recipe that is edited is what gets tested,
 * and one whose marker goes missing fails the build.
 *
 * @param name  the marker's name
 * @param lines the block's lines, without the fences and without the block's indentation
 */
record ReadmeRecipe(String name, List<String> lines) {

    /** The marker line that precedes the block named {@code name}. */
    static String marker(String name) {
        return "<!-- distribution-test: " + name + " -->";
    }

    /** Reads the block named {@code name} from {@code readme}. */
    static ReadmeRecipe read(Path readme, String name) throws IOException {
        List<String> all = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int at = all.stream().map(String::strip).toList().indexOf(marker(name));
        if (at < 0) {
            throw new IllegalStateException(readme + " has no line " + marker(name)
                    + " before the recipe the distribution tests run");
        }
        if (at + 1 >= all.size() || !all.get(at + 1).strip().startsWith("```")) {
            throw new IllegalStateException("in " + readme + ", " + marker(name)
                    + " must be followed directly by the fenced block of the recipe");
        }
        String fence = all.get(at + 1);
        int indent = fence.length() - fence.stripLeading().length();
        List<String> block = new ArrayList<>();
        for (int i = at + 2; i < all.size(); i++) {
            String line = all.get(i);
            if (line.strip().equals("```")) {
                return new ReadmeRecipe(name, List.copyOf(block));
            }
            block.add(line.length() >= indent ? line.substring(indent) : line.strip());
        }
        throw new IllegalStateException("in " + readme + ", the block after " + marker(name) + " is not closed");
    }

    /** The command that starts the server in the foreground: the block's last command. */
    String startCommand() {
        List<String> commands = commands();
        if (commands.isEmpty()) {
            throw new IllegalStateException("the README recipe " + name + " has no command");
        }
        return commands.get(commands.size() - 1);
    }

    /**
     * The recipe as one bash script: every command as written, the last one run with {@code exec}
     * (so the script's process becomes the server and stopping it stops the server) and with
     * {@code extraArguments} appended (the tests' free port, where the distribution takes it as an
     * argument).
     */
    String script(String extraArguments) {
        List<String> commands = commands();
        StringBuilder script = new StringBuilder("set -e\n");
        for (int i = 0; i < commands.size() - 1; i++) {
            script.append(commands.get(i)).append('\n');
        }
        script.append("exec ").append(startCommand());
        if (!extraArguments.isEmpty()) {
            script.append(' ').append(extraArguments);
        }
        return script.append('\n').toString();
    }

    /** The lines that are neither blank nor comments. */
    private List<String> commands() {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
