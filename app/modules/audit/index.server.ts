// The server face of audit (the activity log itself is shared: app/shared/audit).
export {};
