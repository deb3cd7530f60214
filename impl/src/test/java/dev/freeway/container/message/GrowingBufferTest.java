package dev.freeway.container.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class GrowingBufferTest {
    private static ByteBuffer chunk(int n, int from) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return ByteBuffer.wrap(b);
    }

    /** Feeds {@code total} bytes in chunks of {@code chunk}, bounded by the announced end; counts the arrays made. */
    private static ByteBuffer collect(int total, int chunk, int[] arrays) {
        GrowingBuffer buffer = new GrowingBuffer();
        int capacity = buffer.capacity();
        for (int at = 0; at < total; at += chunk) {
            int n = Math.min(chunk, total - at);
            buffer.reserve(n, total);
            buffer.append(chunk(n, at));
            if (buffer.capacity() != capacity) {
                arrays[0]++;
                capacity = buffer.capacity();
            }
        }
        return buffer.take();
    }

    @Test
    void aMessageInChunksIsCollectedIntoOneArrayOfItsSize() {
        int[] arrays = {0};
        ByteBuffer all = collect(64 * 1024, 16 * 1024, arrays);
        assertThat(all.remaining()).isEqualTo(64 * 1024);
        assertThat(all.array()).hasSize(64 * 1024); // no doubling past it, nothing to trim
        assertThat(arrays[0]).isEqualTo(2); // the first chunk's 16 KiB, then the whole 64 KiB
        for (int i = 0; i < all.remaining(); i++) {
            assertThat(all.get(i)).isEqualTo((byte) i);
        }
    }

    @Test
    void aLargeMessageGrowsGeometricallyToItsExactSize() {
        GrowingBuffer buffer = new GrowingBuffer();
        int total = 4 * 1024 * 1024 + 5;
        long left = total;
        int reallocations = 0;
        int capacity = buffer.capacity();
        for (int at = 0; at < total; at += 16 * 1024) {
            int n = Math.min(16 * 1024, total - at);
            buffer.reserve(n, total);
            buffer.append(chunk(n, at));
            left -= n;
            if (buffer.capacity() != capacity) {
                reallocations++;
                capacity = buffer.capacity();
            }
        }
        assertThat(reallocations).isLessThanOrEqualTo(10); // 16 KiB doubling to 4 MiB, not once per chunk
        ByteBuffer all = buffer.take();
        assertThat(all.array()).hasSize(total);
        assertThat(all.get(total - 1)).isEqualTo((byte) (total - 1));
    }

    @Test
    void aHeaderAnnouncingMuchReservesOnlyWhatArrived() {
        GrowingBuffer buffer = new GrowingBuffer();
        buffer.reserve(10, 16L * 1024 * 1024); // a 16 MiB frame announced, 10 bytes sent
        buffer.append(chunk(10, 0));
        assertThat(buffer.capacity()).isEqualTo(10);
        buffer.reserve(10, 16L * 1024 * 1024);
        buffer.append(chunk(10, 10));
        assertThat(buffer.capacity()).isEqualTo(40); // twice what arrived, not what was announced
    }

    @Test
    void neverPastTheBound() {
        GrowingBuffer buffer = new GrowingBuffer();
        int limit = 64 * 1024;
        buffer.reserve(40 * 1024, limit);
        buffer.append(chunk(40 * 1024, 0));
        buffer.reserve(1, limit); // doubling would make 80 KiB
        buffer.append(chunk(1, 0));
        assertThat(buffer.capacity()).isEqualTo(limit);
    }

    @Test
    void aMessageOfManySmallFramesStillGrowsGeometrically() {
        GrowingBuffer buffer = new GrowingBuffer();
        int reallocations = 0;
        int capacity = buffer.capacity();
        for (int frame = 0; frame < 256; frame++) {
            buffer.reserve(1024, 1024 * 1024); // frames that do not end the message: bounded by the limit
            buffer.append(chunk(1024, frame * 1024));
            if (buffer.capacity() != capacity) {
                reallocations++;
                capacity = buffer.capacity();
            }
        }
        assertThat(buffer.size()).isEqualTo(256 * 1024);
        assertThat(reallocations).isLessThanOrEqualTo(10); // doubling from 1 KiB, not once per frame
        assertThat(buffer.take().get(256 * 1024 - 1)).isEqualTo((byte) (256 * 1024 - 1));
    }

    @Test
    void withoutReservingItStillGrowsAsBefore() {
        GrowingBuffer buffer = new GrowingBuffer();
        buffer.append(chunk(100, 0));
        buffer.append(chunk(100, 100));
        ByteBuffer taken = buffer.take();
        assertThat(taken.remaining()).isEqualTo(200);
        assertThat(taken.get(199)).isEqualTo((byte) 199);
        assertThat(buffer.size()).isZero();
    }
}
