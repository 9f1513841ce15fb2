/**
 * The live terminal view of a running pipeline: {@link dev.minigun.hud.HudRenderer} draws a frame
 * (flow of stages with rates and queue fill, contexts and worker memory, progress with an ETA,
 * errors) as plain text, {@link dev.minigun.hud.Hud} puts frames on a terminal with JLine, or prints
 * a {@link dev.minigun.hud.ProgressLine} every few seconds when the output is not a terminal.
 */
package dev.minigun.hud;
