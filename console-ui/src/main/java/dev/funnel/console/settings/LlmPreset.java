package dev.funnel.console.settings;

/** Well-known OpenAI-compatible providers, to fill the form in one click. */
public enum LlmPreset {
    OPENAI("OpenAI", "https://api.openai.com/v1", "gpt-4o-mini"),
    GROQ("Groq", "https://api.groq.com/openai/v1", "llama-3.3-70b-versatile"),
    OLLAMA("Ollama (local, no key)", "http://localhost:11434/v1", "llama3.1");

    private final String label;
    private final String baseUrl;
    private final String model;

    LlmPreset(String label, String baseUrl, String model) {
        this.label = label;
        this.baseUrl = baseUrl;
        this.model = model;
    }

    public String label() {
        return label;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String model() {
        return model;
    }
}
