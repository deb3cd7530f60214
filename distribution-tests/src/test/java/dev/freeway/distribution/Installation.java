package dev.freeway.distribution;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one kind of distribution needs around the README's recipe: a fresh place to run in, the
 * environment variables the recipe names, and the one change the tests make to what a user does,
 * a free port instead of 8080 (so runs never collide with each other or with anything else here).
 */
interface Installation {

    /**
     * Lays out a fresh installation under {@code runDirectory} (emptied first) that will listen on
     * 127.0.0.1:{@code port}, and returns the environment variables the recipe uses.
     */
    Map<String, String> prepare(Path runDirectory, int port) throws IOException;

    /** Appended to the recipe's start command, to listen on 127.0.0.1:{@code port}; may be empty. */
    String portArguments(int port);

    /** How the recipe's last command must begin: starting this server in the foreground. */
    String startCommandPrefix();
}
