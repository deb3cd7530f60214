/**
 * What a container shares between its sessions: the worker threads (a bounded pool, a borrowed
 * executor or virtual threads), the scheduler, the sweep of idle sessions, the drain at shutdown,
 * and the per-session settings derived from the container's defaults. Internal to Freeway, not API.
 */
package dev.freeway.container.runtime;
