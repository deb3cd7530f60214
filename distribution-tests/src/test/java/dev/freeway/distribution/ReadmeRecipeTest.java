package dev.freeway.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a recipe is found in a README and turned into the script the distribution tests run. */
class ReadmeRecipeTest {
    @TempDir
    Path dir;

    private Path readme(String text) throws Exception {
        return Files.writeString(dir.resolve("README.md"), text);
    }

    @Test
    void readsTheIndentedBlockAfterItsMarkerAndRunsItsLastCommandWithExec() throws Exception {
        Path readme = readme("""
                - **Some server**: text

                  <!-- distribution-test: other -->
                  ```sh
                  not this one
                  ```

                  <!-- distribution-test: some -->
                  ```sh
                  # a comment
                  cp app.war $HOME/webapps/

                  $HOME/bin/run.sh run
                  ```
                """);
        ReadmeRecipe recipe = ReadmeRecipe.read(readme, "some");

        assertThat(recipe.lines()).containsExactly("# a comment", "cp app.war $HOME/webapps/", "", "$HOME/bin/run.sh run");
        assertThat(recipe.startCommand()).isEqualTo("$HOME/bin/run.sh run");
        assertThat(recipe.script("port=1234")).isEqualTo("set -e\ncp app.war $HOME/webapps/\nexec $HOME/bin/run.sh run port=1234\n");
        assertThat(recipe.script("")).endsWith("\nexec $HOME/bin/run.sh run\n");
    }

    @Test
    void aMissingMarkerFailsNamingIt() throws Exception {
        Path readme = readme("```sh\nrun\n```\n");
        assertThatThrownBy(() -> ReadmeRecipe.read(readme, "gone")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("<!-- distribution-test: gone -->");
    }

    @Test
    void aMarkerMustBeFollowedByAClosedBlock() throws Exception {
        assertThatThrownBy(() -> ReadmeRecipe.read(readme("<!-- distribution-test: a -->\ntext\n"), "a"))
                .hasMessageContaining("must be followed directly by the fenced block");
        assertThatThrownBy(() -> ReadmeRecipe.read(readme("<!-- distribution-test: a -->\n```sh\nrun\n"), "a"))
                .hasMessageContaining("is not closed");
    }

    @Test
    void aBlockWithOnlyCommentsHasNoStartCommand() throws Exception {
        ReadmeRecipe recipe = ReadmeRecipe.read(readme("<!-- distribution-test: a -->\n```sh\n# nothing\n```\n"), "a");
        assertThatThrownBy(recipe::startCommand).hasMessageContaining("has no command");
    }
}
