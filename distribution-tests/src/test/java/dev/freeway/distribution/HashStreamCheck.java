package dev.freeway.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.examples.it.JdkSocket;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code /hash/stream} checked with the JDK's WebSocket client: the running SHA-256 of the message
 * after every MiB, whether the message is one frame or many, and a new message starts over. The
 * digests are computed here with the JDK's own SHA-256.
 */
final class HashStreamCheck {
    private static final int MIB = 1024 * 1024;

    private HashStreamCheck() {
    }

    static void answersEveryMiB(URI hashStream) throws Exception {
        byte[] data = new byte[3 * MIB + 1000];
        new Random(42).nextBytes(data);
        try (JdkSocket socket = JdkSocket.open(hashStream)) {
            // One frame of 2 MiB and a bit: two answers, none for the bit.
            socket.socket().sendBinary(ByteBuffer.wrap(data, 0, 2 * MIB + 10), true).get(30, TimeUnit.SECONDS);
            for (int mib = 1; mib <= 2; mib++) {
                assertThat(socket.nextText()).as("digest after %d MiB of one frame", mib).isEqualTo(sha256(data, mib * MIB));
            }
            // A message of 64 KiB fragments, whose digest starts over.
            int fragment = 64 * 1024;
            for (int at = 0; at < data.length; at += fragment) {
                int length = Math.min(fragment, data.length - at);
                socket.socket().sendBinary(ByteBuffer.wrap(data, at, length), at + length == data.length)
                        .get(30, TimeUnit.SECONDS);
            }
            for (int mib = 1; mib <= 3; mib++) {
                assertThat(socket.nextText()).as("digest after %d MiB of fragments", mib).isEqualTo(sha256(data, mib * MIB));
            }
        }
    }

    private static String sha256(byte[] data, int length) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(data, 0, length);
        return HexFormat.of().formatHex(sha.digest());
    }
}
