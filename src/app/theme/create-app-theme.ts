import { alpha, createTheme } from '@mui/material/styles';
import type {} from '@mui/x-data-grid/themeAugmentation';

const brand = {
  main: '#3551d4',
  light: '#6f86f0',
  dark: '#2437a0',
};

/**
 * One theme with light and dark schemes, switched by a class on <html> so the user's choice (or the system's)
 * applies before React renders anything else.
 */
export const appTheme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        primary: brand,
        // Darker than MUI's defaults so text in these colours (outlined chips, text buttons) keeps 4.5:1 on white.
        secondary: { main: '#0b7c7e' },
        warning: { main: '#b45309' },
        info: { main: '#0277bd' },
        background: { default: '#f5f6fa', paper: '#ffffff' },
        divider: 'rgba(20, 28, 56, 0.10)',
        text: { primary: '#151a2d', secondary: '#525a73' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#8ea2ff', light: '#b4c1ff', dark: '#5f78e6' },
        secondary: { main: '#4fd1c5' },
        background: { default: '#0e1117', paper: '#161b24' },
        divider: 'rgba(220, 228, 255, 0.12)',
        text: { primary: '#e8ebf4', secondary: '#a3abc2' },
      },
    },
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily: 'Roboto, "Helvetica Neue", Arial, sans-serif',
    h1: { fontSize: '1.75rem', fontWeight: 600, letterSpacing: '-0.01em' },
    h2: { fontSize: '1.375rem', fontWeight: 600 },
    h3: { fontSize: '1.125rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 500 },
    overline: { fontWeight: 600, letterSpacing: '0.08em' },
  },
  components: {
    MuiButtonBase: {
      styleOverrides: {
        // A ring, not only MUI's faint ripple, shows where the keyboard is (buttons, menu items, checkboxes…).
        root: ({ theme }) => ({
          '&.Mui-focusVisible': { outline: `2px solid ${theme.vars.palette.primary.main}`, outlineOffset: 2 },
        }),
      },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { borderRadius: 8 } },
    },
    MuiCard: {
      defaultProps: { variant: 'outlined' },
    },
    MuiPaper: {
      styleOverrides: { outlined: { borderColor: 'var(--mui-palette-divider)' } },
    },
    MuiTextField: {
      defaultProps: { fullWidth: true },
    },
    MuiTooltip: {
      defaultProps: { arrow: true },
    },
    // The selected tab is underlined by its own CSS rather than MUI's measured, sliding indicator, which is drawn
    // before the fonts arrive and then resized: a layout shift on every page with tabs.
    MuiTabs: {
      styleOverrides: { indicator: { display: 'none' } },
    },
    MuiTab: {
      styleOverrides: {
        root: ({ theme }) => ({
          '&.Mui-selected': { boxShadow: `inset 0 -2px 0 ${theme.vars.palette.primary.main}` },
        }),
      },
    },
    MuiListItemButton: {
      styleOverrides: {
        root: ({ theme }) => ({
          borderRadius: 8,
          '&.Mui-selected': {
            backgroundColor: alpha(brand.main, 0.1),
            color: theme.vars.palette.primary.main,
            '& .MuiListItemIcon-root': { color: theme.vars.palette.primary.main },
            ...theme.applyStyles('dark', { backgroundColor: alpha('#8ea2ff', 0.14) }),
          },
        }),
      },
    },
    MuiDataGrid: {
      styleOverrides: {
        root: ({ theme }) => ({
          border: 'none',
          '--DataGrid-containerBackground': 'transparent',
          // The grid's own focus outline is 1 px at half opacity; the keyboard's place in the grid should be plain.
          '& :is(.MuiDataGrid-cell, .MuiDataGrid-columnHeader):is(:focus-visible, :has(:focus-visible))': {
            outline: `2px solid ${theme.vars.palette.primary.main}`,
            outlineOffset: -2,
          },
        }),
        columnHeaderTitle: { fontWeight: 600 },
      },
    },
  },
});
