package dev.freeway.benchmarks.load.server;

/**
 * The entry point of a server JVM: {@code ServerMain <launcher class> <port>}. Starts the server
 * and prints {@code READY <port>} or {@code READY <port> <status port>} on standard output (or {@code UNSERVABLE <why>} and exits when
 * the launcher found its server cannot serve); the harness ends the process when done.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ServerMain <launcher class> <port>");
            System.exit(2);
        }
        // Chosen once at start-up by name, so this JVM loads only the launcher's own server.
        ServerLauncher launcher = (ServerLauncher) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        int port;
        try {
            port = launcher.start(Integer.parseInt(args[1]));
        } catch (Unservable e) {
            // The harness reports this line against every scenario of this server.
            System.out.println("UNSERVABLE " + e.getMessage().replace('\n', ' '));
            System.out.flush();
            System.exit(1);
            return;
        }
        int status = launcher.statusPort();
        System.out.println("READY " + port + (status > 0 ? " " + status : ""));
        System.out.flush();
        Thread.currentThread().join();
    }
}
