package dev.freeway.engine;

/** Which end of the connection this engine plays; it decides masking and the handshake side. */
public enum Role {
    CLIENT,
    SERVER
}
