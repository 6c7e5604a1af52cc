// What only the browser knows, read once per circuit: the reader's time zone and whether they chose dark mode.
const darkKey = "bowinbox.dark";

export function read() {
    let zone = "UTC";
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    } catch {
        // A browser without Intl time zones reads times in UTC.
    }
    let dark = false;
    try {
        dark = localStorage.getItem(darkKey) === "1";
    } catch {
        // Storage can be off (private windows, policies); the choice then lasts as long as the page.
    }
    return { timeZone: zone, dark };
}

export function saveDark(dark) {
    try {
        localStorage.setItem(darkKey, dark ? "1" : "0");
    } catch {
        // See read(): nothing to remember it in.
    }
}
