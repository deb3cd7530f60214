/**
 * Undertow's own way to take over a connection: the raw XNIO connection handed over after the
 * 101, and a transport over it, because Undertow's upgraded Servlet streams are not thread-safe.
 * Names Undertow types; loaded only inside Undertow. Internal to Freeway, not API.
 */
package dev.freeway.servlet.undertow;
