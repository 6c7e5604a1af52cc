// The inbox without a mouse: j/k (or the arrow keys on a row) move between conversations, Enter opens the focused
// one (rows are links), r replies, n writes an internal note, / offers canned replies, Esc leaves the composer.
let handler = null;

const isTyping = (el) => !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
const rows = () => [...document.querySelectorAll("[data-testid=ticket-row]")].filter((r) => r.offsetParent !== null);

function move(step) {
    const all = rows();
    if (all.length === 0) {
        return false;
    }
    let at = all.indexOf(document.activeElement);
    if (at < 0) {
        at = all.findIndex((r) => r.getAttribute("aria-current") === "page");
    }
    const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    all[next].focus();
    all[next].scrollIntoView({ block: "nearest" });
    return true;
}

// Switches the composer to the mode (a Blazor re-render), then focuses its text box once the mode shows.
function compose(mode, prefill) {
    const box = document.querySelector("[data-testid=composer]");
    if (!box) {
        return false;
    }
    if (box.dataset.mode !== mode) {
        box.querySelector(`[data-testid=mode-${mode}]`)?.click();
    }
    const until = Date.now() + 3000;
    const attempt = () => {
        const input = box.querySelector("[data-testid=composer-input]");
        if (box.dataset.mode === mode && input && !input.disabled) {
            input.focus();
            if (prefill && input.value === "") {
                input.value = prefill;
                input.dispatchEvent(new Event("input", { bubbles: true }));
            }
        } else if (Date.now() < until) {
            setTimeout(attempt, 25);
        }
    };
    attempt();
    return true;
}

function leaveComposer(from) {
    if (!from.closest("[data-testid=composer], [data-testid=provider-composer]")) {
        return false;
    }
    from.blur();
    const back = document.querySelector("[data-testid=ticket-row][aria-current=page]") ?? document.querySelector("[data-testid=thread]");
    back?.focus();
    return true;
}

export function bind() {
    if (handler) {
        return;
    }
    handler = (event) => {
        if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) {
            return;
        }
        const target = document.activeElement;
        if (isTyping(target)) {
            if (event.key === "Escape" && leaveComposer(target)) {
                event.preventDefault();
            }
            return;
        }
        const onRow = target?.matches?.("[data-testid=ticket-row]") ?? false;
        let handled = false;
        switch (event.key) {
            case "j":
                handled = move(1);
                break;
            case "k":
                handled = move(-1);
                break;
            case "ArrowDown":
                handled = onRow && move(1);
                break;
            case "ArrowUp":
                handled = onRow && move(-1);
                break;
            case "r":
                handled = compose("reply");
                break;
            case "n":
                handled = compose("note");
                break;
            case "/":
                handled = compose("reply", "/");
                break;
        }
        if (handled) {
            event.preventDefault();
        }
    };
    document.addEventListener("keydown", handler);
    // Says the keys work from now on (a key pressed before the page bound them does nothing).
    document.documentElement.dataset.inboxKeys = "bound";
}

export function unbind() {
    if (handler) {
        document.removeEventListener("keydown", handler);
        handler = null;
        delete document.documentElement.dataset.inboxKeys;
    }
}
