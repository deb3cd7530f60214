package dev.freeway.engine;

import dev.freeway.api.Opcode;

import java.nio.ByteBuffer;

/**
 * A control frame with a reserved opcode (0xB-0xF), received or sent only when the connection
 * allows reserved opcodes ({@link EngineConfig#allowReservedOpcodes()}), for extension authors.
 *
 * @param opcode  the reserved control opcode
 * @param payload at most 125 bytes
 */
public record ControlFrame(int opcode, ByteBuffer payload) implements Event {
    public ControlFrame {
        if (!Opcode.isControl(opcode) || !Opcode.isReserved(opcode)) {
            throw new IllegalArgumentException("0x" + Integer.toHexString(opcode) + " is not a reserved control opcode");
        }
        payload = payload == null ? ByteBuffer.allocate(0) : payload;
        ControlFrames.checkLength("control frame", payload.remaining());
    }
}
