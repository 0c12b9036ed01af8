/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_SUPABASE_URL?: string;
  readonly VITE_SUPABASE_ANON_KEY?: string;
  readonly VITE_BACKEND_SUPABASE_URL?: string;
  readonly VITE_BACKEND_SUPABASE_ANON_KEY?: string;
  readonly VITE_LOCAL_STACK?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
