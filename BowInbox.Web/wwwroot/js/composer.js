// Enter sends, Shift+Enter keeps the newline: Blazor cannot cancel a key press conditionally, so this does.
export function bindEnterToSend(textarea, dotnet) {
    if (!textarea || textarea.dataset.enterBound) {
        return;
    }
    textarea.dataset.enterBound = "1";
    textarea.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            if (textarea.dataset.busy || textarea.value.trim() === "") {
                return;
            }
            textarea.dataset.busy = "1";
            dotnet.invokeMethodAsync("SendFromKeyboard", textarea.value)
                .finally(() => delete textarea.dataset.busy);
        }
    });
}
